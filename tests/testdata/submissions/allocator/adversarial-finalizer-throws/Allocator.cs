using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): no forbidden API: an object whose finalizer throws, and enough garbage that the GC runs it on the finalizer thread, which kills the process</summary>
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
        for (var i = 0; i < 200_000; i++)
        {
            _ = new Bomb(i);
        }

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

internal sealed class Bomb(int id)
{
    private readonly long[] _padding = new long[16];

    ~Bomb() => throw new InvalidOperationException($"finalizer {id} {_padding.Length}");
}
