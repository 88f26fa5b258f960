using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): unsafe code and pointers: a fixed buffer written through a pointer as the heap</summary>
public sealed class Allocator : IAllocator
{
    private readonly IProcessMemory _memory;
    private readonly byte[] _heap = new byte[1 << 20];

    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
    }

    public ulong Malloc(ulong size)
    {
        unsafe
        {
            fixed (byte* p = _heap)
            {
                *(ulong*)(p + 8) = size;
                return (ulong)(p + 16);
            }
        }
    }

    public void Free(ulong pointer)
    {
        throw new NotImplementedException("Task 3: implement Free");
    }

    public ulong Realloc(ulong pointer, ulong size) =>
        throw new NotImplementedException("Task 5: implement Realloc");

    public ulong Calloc(ulong count, ulong size) =>
        throw new NotImplementedException("Task 5: implement Calloc");
}
