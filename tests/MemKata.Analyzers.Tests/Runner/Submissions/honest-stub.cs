// expected-ids: MK0013
// rejected: false
// unimplemented: MyAllocator.Malloc, MyAllocator.Free, MyAllocator.Realloc, MyAllocator.Calloc
using System;
using MemKata.Contracts;

namespace Exercise;

public class MyAllocator(IProcessMemory memory) : IAllocator
{
    private readonly IProcessMemory _memory = memory;

    public ulong Malloc(ulong size) => throw new NotImplementedException("You need to implement this method.");

    public void Free(ulong pointer) => throw new NotImplementedException("You need to implement this method.");

    public ulong Realloc(ulong pointer, ulong size) => throw new NotImplementedException("You need to implement this method.");

    public ulong Calloc(ulong count, ulong size) => throw new NotImplementedException("You need to implement this method.");
}
