using MemKata.Contracts;

namespace MemKata.Cli.Tests.Fakes;

/// <summary>Wraps an allocator and reports glibc's double-free abort on the second free, as if the first had been
/// freed twice: a trace cannot express a real double free (the driver clears a block's slot when it frees it).</summary>
internal sealed class DoubleFreeOnSecondFree(IAllocator inner, Func<int> countFree) : IAllocator
{
    private readonly IAllocator _inner = inner;
    private readonly Func<int> _countFree = countFree;

    public ulong Malloc(ulong size) => _inner.Malloc(size);

    public void Free(ulong pointer)
    {
        if (_countFree() == 2)
        {
            throw new HeapCorruptionException("free(): double free detected in tcache 2");
        }

        _inner.Free(pointer);
    }

    public ulong Realloc(ulong pointer, ulong size) => _inner.Realloc(pointer, size);

    public ulong Calloc(ulong count, ulong size) => _inner.Calloc(count, size);
}
