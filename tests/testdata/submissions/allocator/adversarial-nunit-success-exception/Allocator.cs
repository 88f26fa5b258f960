using MemKata.Contracts;
using NUnit.Framework;

/// <summary>Attack: NUnit's own outcomes from learner code: Assert.Pass, SuccessException, and an AssertionException
/// nested inside the one exception Free may throw (HeapCorruptionException cannot carry it: it is sealed and has no
/// inner-exception constructor), hoping the suite lets one of them through.</summary>
public sealed class Allocator(IProcessMemory memory) : IAllocator
{
    /// <summary>The memory, unused.</summary>
    public IProcessMemory Memory { get; } = memory;

    /// <inheritdoc/>
    public ulong Malloc(ulong size)
    {
        Assert.Pass("malloc works");
        return 0;
    }

    /// <inheritdoc/>
    public void Free(ulong pointer) => throw new InvalidOperationException("passed", new SuccessException("free works"));

    /// <inheritdoc/>
    public ulong Realloc(ulong pointer, ulong size) => throw new SuccessException("realloc works");

    /// <inheritdoc/>
    public ulong Calloc(ulong count, ulong size) => throw new IgnoreException("calloc is optional");
}
