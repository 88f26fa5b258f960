using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): unbounded recursion in Malloc (stack overflow)</summary>
public sealed class Allocator : IAllocator
{
    private readonly IProcessMemory _memory;

    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
    }

    public ulong Malloc(ulong size)
    {
        return Malloc(size + 1) + 1;
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
