// expected-ids: MK0011, MK0012, MK0015
// rejected: false
// unimplemented:
using System.Collections.Generic;
using MemKata.Contracts;

namespace Exercise;

public class MyAllocator : IAllocator
{
    private static ulong s_next = 4096;
    private readonly Dictionary<ulong, ulong> _sizes = new();

    public ulong Malloc(ulong size)
    {
        var pointer = s_next;
        s_next += size;
        _sizes[pointer] = size;
        return pointer;
    }

    public void Free(ulong pointer) => _sizes.Remove(pointer);

    public ulong Realloc(ulong pointer, ulong size) => Malloc(size);

    public ulong Calloc(ulong count, ulong size) => Malloc(count * size);
}
