// expected-ids:
// rejected: false
// unimplemented:
using MemKata.Contracts;

namespace Exercise;

/// A bump allocator: every block gets a 16-byte header holding its size; free does nothing.
public class MyAllocator(IProcessMemory memory) : IAllocator
{
    private const ulong MallocAlignment = 16;
    private const ulong HeaderSize = 16;

    private readonly IProcessMemory _memory = memory;

    public ulong Malloc(ulong size)
    {
        var total = RoundUp(size + HeaderSize);
        var old = _memory.Sbrk((long)total);
        if (old == Syscall.Failed)
        {
            return Syscall.Null;
        }

        _memory.WriteWord(old + HeaderSize - 8, total);
        return old + HeaderSize;
    }

    public void Free(ulong pointer)
    {
    }

    public ulong Realloc(ulong pointer, ulong size)
    {
        if (pointer == Syscall.Null)
        {
            return Malloc(size);
        }

        var moved = Malloc(size);
        var old = _memory.ReadWord(pointer - 8) - HeaderSize;
        _memory.Copy(moved, pointer, old < size ? old : size);
        return moved;
    }

    public ulong Calloc(ulong count, ulong size)
    {
        var pointer = Malloc(count * size);
        if (pointer != Syscall.Null)
        {
            _memory.Fill(pointer, 0, count * size);
        }

        return pointer;
    }

    private static ulong RoundUp(ulong n) => (n + MallocAlignment - 1) & ~(MallocAlignment - 1);
}
