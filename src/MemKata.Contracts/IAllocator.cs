namespace MemKata.Contracts;

/// <summary>
/// A C allocator: <c>malloc</c>, <c>free</c>, <c>realloc</c> and <c>calloc</c> over one process's
/// <see cref="IProcessMemory"/>. The reference is glibc 2.36's malloc; a learner's allocator implements the same interface.
/// </summary>
/// <remarks>
/// Pointers are virtual addresses in the process; <see cref="Syscall.Null"/> (0) is NULL. Every non-null pointer returned
/// is 16-byte aligned and stays valid until freed or reallocated. Chunks carry glibc's 16-byte header: the word at
/// <c>p - 8</c> holds the chunk size with flag bits in its low three bits (bit 1, <c>IS_MMAPPED</c>, marks a chunk that
/// has its own mapping).
/// </remarks>
public interface IAllocator
{
    /// <summary><c>malloc(size)</c>: a pointer to at least <paramref name="size"/> usable bytes, or 0 if none can be had.
    /// <c>malloc(0)</c> returns a unique minimum-sized block.</summary>
    ulong Malloc(ulong size);

    /// <summary><c>free(pointer)</c>: gives the block back. <c>free(0)</c> does nothing. A pointer that this allocator did
    /// not hand out, or one freed twice, may be detected and reported with <see cref="HeapCorruptionException"/>.</summary>
    void Free(ulong pointer);

    /// <summary><c>realloc(pointer, size)</c>: resizes the block, moving it (and its contents) if it must. <c>realloc(0, n)</c>
    /// is <c>malloc(n)</c>; <c>realloc(p, 0)</c> frees <paramref name="pointer"/> and returns 0. On failure returns 0 and
    /// the old block is untouched.</summary>
    ulong Realloc(ulong pointer, ulong size);

    /// <summary><c>calloc(count, size)</c>: a zeroed block of <paramref name="count"/> × <paramref name="size"/> bytes, or 0
    /// if that overflows or cannot be allocated.</summary>
    ulong Calloc(ulong count, ulong size);
}
