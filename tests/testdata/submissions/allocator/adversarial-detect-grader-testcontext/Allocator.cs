using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): reads NUnit's TestContext through its type name, and the stack trace, to find the running test's name</summary>
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
        var trace = Environment.StackTrace;
        if (trace.Contains("NUnit", StringComparison.Ordinal) || new System.Diagnostics.StackTrace().FrameCount > 10)
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
