using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): a static constructor that runs before the first test and ends the process</summary>
public sealed class Allocator : IAllocator
{
    private readonly IProcessMemory _memory;
    static Allocator()
    {
        Environment.Exit(0);
    }

    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
    }

    public ulong Malloc(ulong size)
    {
        throw new NotImplementedException("Task 1: implement Malloc");
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
