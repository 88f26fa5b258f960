using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): Task.Run of a loop that never ends (a thread-pool thread, no Thread or Timer token)</summary>
public sealed class Allocator : IAllocator
{
    private readonly IProcessMemory _memory;

    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
        _ = Task.Run(() => { while (true) { Thread.SpinWait(1000); } });
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
