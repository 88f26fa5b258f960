using MemKata.Engine;
using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): delegates to MemKata.Engine's GlibcMalloc, the reference implementation</summary>
public sealed class Allocator : IAllocator
{
    private readonly IProcessMemory _memory;
    private readonly GlibcMalloc _inner;

    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
        _inner = new GlibcMalloc(memory);
    }

    public ulong Malloc(ulong size)
    {
        return _inner.Malloc(size);
    }

    public void Free(ulong pointer)
    {
        _inner.Free(pointer);
    }

    public ulong Realloc(ulong pointer, ulong size) =>
        throw new NotImplementedException("Task 5: implement Realloc");

    public ulong Calloc(ulong count, ulong size) =>
        throw new NotImplementedException("Task 5: implement Calloc");
}
