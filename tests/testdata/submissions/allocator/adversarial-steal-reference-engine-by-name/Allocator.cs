using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): loads GlibcMalloc by its type name string at run time (the engine is in the worker's folder)</summary>
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
        var type = Type.GetType("MemKata.Engine.GlibcMalloc, MemKata.Engine")!;
        var inner = (IAllocator)Activator.CreateInstance(type, _memory)!;
        return inner.Malloc(size);
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
