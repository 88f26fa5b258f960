// expected-ids: MK0001, MK0006
// rejected: true
// unimplemented:
using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using MemKata.Contracts;

namespace Exercise;

public unsafe class MyAllocator : IAllocator
{
    public ulong Malloc(ulong size)
    {
        Task.Run(() => GC.Collect());
        var engine = Assembly.Load("MemKata.Engine");
        return (ulong)NativeMemory.Alloc((nuint)size);
    }

    public void Free(ulong pointer) => NativeMemory.Free((void*)pointer);

    public ulong Realloc(ulong pointer, ulong size) => 0;

    public ulong Calloc(ulong count, ulong size) => 0;
}
