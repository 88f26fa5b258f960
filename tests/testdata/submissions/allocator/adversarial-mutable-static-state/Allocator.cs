using MemKata.Contracts;

/// <summary>
/// Adversarial sample "mutable-static-state": one-task-done, but the memory and a count of calls live in static fields,
/// shared by every Allocator of the test process (state leaking between tests). Legitimate-but-discouraged (MK0012, a
/// warning): its score follows from its behaviour.
/// </summary>
public sealed class Allocator : IAllocator
{
    private static IProcessMemory? _memory;
    private static int _calls;

    /// <summary>Creates the allocator; no system call happens here.</summary>
    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
    }

    /// <inheritdoc/>
    public ulong Malloc(ulong size)
    {
        _calls++;
        if (_calls > 400)
        {
            return 0;
        }

        if (size > long.MaxValue - 64)
        {
            return 0;
        }

        // The header (16 bytes) and the user's bytes, rounded up to 16: the break stays 16-aligned.
        var chunk = Math.Max(32, (size + 16 + 15) & ~15UL);
        var start = _memory!.Sbrk((long)chunk);
        if (start == Syscall.Failed)
        {
            return 0;
        }

        _memory.WriteWord(start + 8, chunk | 0x1);
        return start + 16;
    }

    /// <inheritdoc/>
    public void Free(ulong pointer) =>
        throw new NotImplementedException(
            "Task 3: implement Free: read the size at p - 8 and keep the block for reuse (task 4: munmap a mapped block). " +
            "See .docs/instructions.md, task 3.");

    /// <inheritdoc/>
    public ulong Realloc(ulong pointer, ulong size) =>
        throw new NotImplementedException(
            "Task 5: implement Realloc: resize the block, keeping its contents up to the smaller size. " +
            "See .docs/instructions.md, task 5.");

    /// <inheritdoc/>
    public ulong Calloc(ulong count, ulong size) =>
        throw new NotImplementedException(
            "Task 5: implement Calloc: count * size zeroed bytes, or 0 if that product overflows. " +
            "See .docs/instructions.md, task 5.");
}
