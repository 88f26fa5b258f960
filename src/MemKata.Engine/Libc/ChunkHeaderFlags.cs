namespace MemKata.Engine.Libc;

/// <summary>The flag bits in the low three bits of a glibc chunk's size field.</summary>
public static class ChunkHeaderFlags
{
    /// <summary><c>PREV_INUSE</c>: the chunk before this one is in use.</summary>
    public const ulong PrevInUse = 0x1;

    /// <summary><c>IS_MMAPPED</c>: the chunk has a mapping of its own.</summary>
    public const ulong IsMmapped = 0x2;

    /// <summary><c>NON_MAIN_ARENA</c>: the chunk belongs to a thread arena (never set here: one thread, main arena).</summary>
    public const ulong NonMainArena = 0x4;

    /// <summary>All three flag bits.</summary>
    public const ulong All = PrevInUse | IsMmapped | NonMainArena;
}
