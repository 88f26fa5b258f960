using MemKata.Contracts;

/// <summary>Attack: no forbidden API: the memory the grader hands over is an engine object; if it is also an allocator
/// (an engine class implementing both contracts), use the engine's malloc. Otherwise the stub's members.</summary>
public sealed class Allocator(IProcessMemory memory) : IAllocator
{
    private readonly IAllocator? _engine = memory as IAllocator;

    /// <inheritdoc/>
    public ulong Malloc(ulong size) => _engine?.Malloc(size) ?? throw new NotImplementedException("Task 1: implement Malloc");

    /// <inheritdoc/>
    public void Free(ulong pointer)
    {
        if (_engine is null)
        {
            throw new NotImplementedException("Task 3: implement Free");
        }

        _engine.Free(pointer);
    }

    /// <inheritdoc/>
    public ulong Realloc(ulong pointer, ulong size) => _engine?.Realloc(pointer, size) ?? throw new NotImplementedException("Task 5: implement Realloc");

    /// <inheritdoc/>
    public ulong Calloc(ulong count, ulong size) => _engine?.Calloc(count, size) ?? throw new NotImplementedException("Task 5: implement Calloc");
}
