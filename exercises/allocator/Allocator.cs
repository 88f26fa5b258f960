using MemKata.Contracts;

/// <summary>
/// Your malloc: <c>malloc</c>, <c>free</c>, <c>realloc</c> and <c>calloc</c> over one simulated process's memory. Every
/// header and free list lives in that memory, reached through <see cref="IProcessMemory"/>; the heap grows with
/// <c>sbrk</c>, big blocks get their own <c>mmap</c>. Start with task 1 of .docs/instructions.md.
/// </summary>
public sealed class Allocator : IAllocator
{
    private readonly IProcessMemory _memory;

    /// <summary>Creates the allocator of a process that has not called malloc yet (its heap is empty: the program break
    /// is where the heap starts). Make no system call here: the first malloc creates the heap (task 2).</summary>
    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
    }

    /// <inheritdoc/>
    public ulong Malloc(ulong size) =>
        throw new NotImplementedException(
            "Task 1: implement Malloc: return a 16-byte aligned pointer with the block's size in the word at p - 8. " +
            "See .docs/instructions.md, task 1.");

    /// <inheritdoc/>
    public void Free(ulong pointer) =>
        throw new NotImplementedException(
            "Task 3: implement Free: a freed block can be handed out again (task 4: a mapped block goes back to the " +
            "kernel). See .docs/instructions.md, task 3.");

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
