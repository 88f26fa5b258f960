using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): asks for the entry assembly's name (the worker) to detect grading</summary>
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
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "";
        if (entry.Contains("Worker", StringComparison.Ordinal))
        {
            return 16;
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
