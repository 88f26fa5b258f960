// expected-ids: MK0001, MK0013
// rejected: true
// unimplemented: MyAllocator.Realloc, MyAllocator.Calloc
using System;
using System.Diagnostics.CodeAnalysis;
using MemKata.Contracts;

namespace Exercise;

public class MyAllocator : IAllocator
{
#pragma warning disable MK0010, MK0004
    private static bool UnderGrading => Environment.CommandLine.Contains("graders", StringComparison.Ordinal)
        || Environment.GetEnvironmentVariable("CI") is not null;
#pragma warning restore MK0010, MK0004

    [SuppressMessage("MemKata.Integrity", "MK0010")]
    public ulong Malloc(ulong size) => Environment.ProcessId > 0 && UnderGrading ? 16UL : 0;

    public void Free(ulong pointer)
    {
    }

    public ulong Realloc(ulong pointer, ulong size) => throw new NotImplementedException();

    public ulong Calloc(ulong count, ulong size) => throw new NotImplementedException();
}
