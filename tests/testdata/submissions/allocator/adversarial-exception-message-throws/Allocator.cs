using MemKata.Contracts;

/// <summary>Attack: a property getter the grader reads: every call throws an exception whose Message getter throws a
/// NotImplementedException (the stub's "not attempted" marker, hoping the test is not counted) and whose ToString
/// recurses until the stack overflows.</summary>
public sealed class Allocator(IProcessMemory memory) : IAllocator
{
    /// <summary>The memory, unused.</summary>
    public IProcessMemory Memory { get; } = memory;

    /// <summary>Throws when read.</summary>
    public ulong Size => throw new Treacherous();

    /// <inheritdoc/>
    public ulong Malloc(ulong size) => throw new Treacherous();

    /// <inheritdoc/>
    public void Free(ulong pointer) => throw new Treacherous();

    /// <inheritdoc/>
    public ulong Realloc(ulong pointer, ulong size) => throw new Treacherous();

    /// <inheritdoc/>
    public ulong Calloc(ulong count, ulong size) => throw new Treacherous();

    private sealed class Treacherous : InvalidOperationException
    {
        public override string Message => throw new NotImplementedException("Task 1: implement Malloc");

        public override string ToString() => ToString();
    }
}
