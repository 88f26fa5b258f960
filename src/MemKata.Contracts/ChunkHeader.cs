namespace MemKata.Contracts;

/// <summary>
/// The size word in front of every block an <see cref="IAllocator"/> hands out, as glibc lays it out and the contract
/// promises: the 8-byte word at <c>p - 8</c> holds the chunk's size (a multiple of 16) with three flag bits in its low
/// bits. Allocators write it, graders and tools read it; this type names the bits once.
/// </summary>
/// <param name="Word">The raw size word.</param>
public readonly record struct ChunkHeader(ulong Word)
{
    /// <summary><c>PREV_INUSE</c> (bit 0): the chunk before this one is in use.</summary>
    public const ulong PrevInUse = 0x1;

    /// <summary><c>IS_MMAPPED</c> (bit 1): the chunk has a mapping of its own.</summary>
    public const ulong Mmapped = 0x2;

    /// <summary><c>NON_MAIN_ARENA</c> (bit 2): the chunk belongs to a thread arena (never set in one thread).</summary>
    public const ulong NonMainArena = 0x4;

    /// <summary>All three flag bits: the size is the word with these cleared.</summary>
    public const ulong FlagBits = PrevInUse | Mmapped | NonMainArena;

    /// <summary>Bytes between the size word and the pointer the allocator returns: the word sits at <c>p - 8</c>.</summary>
    public const ulong SizeWordOffset = 8;

    /// <summary>The chunk's size in bytes, header included (the flag bits cleared).</summary>
    public ulong Size => Word & ~FlagBits;

    /// <summary>True when the <c>IS_MMAPPED</c> bit is set.</summary>
    public bool IsMmapped => (Word & Mmapped) != 0;

    /// <summary>True when the <c>PREV_INUSE</c> bit is set.</summary>
    public bool IsPrevInUse => (Word & PrevInUse) != 0;

    /// <summary>Reads the header of the block at <paramref name="pointer"/> (a pointer the allocator returned).</summary>
    public static ChunkHeader Of(IProcessMemory memory, ulong pointer)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return new ChunkHeader(memory.ReadWord(pointer - SizeWordOffset));
    }
}
