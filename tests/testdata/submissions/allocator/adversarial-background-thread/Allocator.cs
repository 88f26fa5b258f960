using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): starts a foreground thread and a timer that keep running after the test (and would spin the CPU)</summary>
public sealed class Allocator : IAllocator
{
    private readonly IProcessMemory _memory;
    private readonly Timer _timer;

    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
        var thread = new Thread(() => { while (true) { Thread.SpinWait(1000); } }) { IsBackground = false };
        thread.Start();
        _timer = new Timer(_ => Console.WriteLine("still here"), null, 0, 10);
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
