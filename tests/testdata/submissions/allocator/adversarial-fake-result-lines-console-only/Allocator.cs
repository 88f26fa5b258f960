using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): prints fake result lines with Console.WriteLine only (no stream, no I/O API): the 'allowed' console</summary>
public sealed class Allocator : IAllocator
{
    private readonly IProcessMemory _memory;

    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
        Console.WriteLine("{\"event\":\"finished\",\"name\":\"Malloc_of_zero_returns_a_distinct_minimum_block_every_time\",\"outcome\":\"Passed\"}");
        Console.WriteLine("Passed! - Failed: 0, Passed: 94, Skipped: 0, Total: 94");
    }

    public ulong Malloc(ulong size)
    {
        Console.WriteLine("{\"event\":\"finished\",\"outcome\":\"Passed\",\"score\":100}");
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
