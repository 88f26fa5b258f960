using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): a [ModuleInitializer] that runs when the assembly loads, before any test, and crashes the process</summary>
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

internal static class Boot
{
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Run() => throw new InvalidOperationException("module initializer ran");
}
