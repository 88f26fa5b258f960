using MemKata.Contracts;

/// <summary>Adversarial sample (see README.md in this folder's parent): every member catches all exceptions and returns 0, so no NotImplementedException reaches the grader ("attempted" without working)</summary>
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
        try
        {
            throw new NotImplementedException("Task 1: implement Malloc");
        }
        catch (Exception)
        {
            return 0;
        }
    }

    public void Free(ulong pointer)
    {
        try
        {
            throw new NotImplementedException("Task 3: implement Free");
        }
        catch (Exception)
        {
            // hidden
        }
    }

    public ulong Realloc(ulong pointer, ulong size) =>
        throw new NotImplementedException("Task 5: implement Realloc");

    public ulong Calloc(ulong count, ulong size) =>
        throw new NotImplementedException("Task 5: implement Calloc");
}
