namespace MemKata.Engine.Libc;

/// <summary>
/// The process-wide parameters of glibc's malloc (its <c>mp_</c>), with glibc 2.36's defaults. The mmap and trim
/// thresholds move by themselves (the "dynamic threshold") until a program sets any of the four through mallopt.
/// </summary>
public sealed class MallocTunables
{
    /// <summary>The mmap threshold glibc starts with: 128 KiB.</summary>
    public const ulong DefaultMmapThreshold = 128 * 1024;

    /// <summary>The highest value the dynamic mmap threshold climbs to: 32 MiB on 64-bit.</summary>
    public const ulong MaxDynamicMmapThreshold = 4 * 1024 * 1024 * 8;

    /// <summary>The trim threshold glibc starts with: 128 KiB.</summary>
    public const ulong DefaultTrimThreshold = 128 * 1024;

    /// <summary>The top pad glibc starts with: 128 KiB (set by glibc's build for Linux).</summary>
    public const ulong DefaultTopPad = 128 * 1024;

    /// <summary>Requests of at least this many bytes (as a chunk size) get their own mapping.</summary>
    public ulong MmapThreshold { get; internal set; } = DefaultMmapThreshold;

    /// <summary>Free() gives memory back to the kernel when the top chunk reaches this size.</summary>
    public ulong TrimThreshold { get; internal set; } = DefaultTrimThreshold;

    /// <summary>Extra bytes asked of the kernel whenever the heap grows, and kept when it shrinks.</summary>
    public ulong TopPad { get; internal set; } = DefaultTopPad;

    /// <summary>How many chunks may be mmapped at once.</summary>
    public int MmapMax { get; internal set; } = 65536;

    /// <summary>True once a program set a threshold through mallopt: the thresholds stop moving.</summary>
    public bool DynamicThresholdDisabled { get; internal set; }

    /// <summary>How many chunks are mmapped now.</summary>
    public int MmappedChunks { get; internal set; }

    /// <summary>The most chunks that were ever mmapped at once.</summary>
    public int MaxMmappedChunks { get; internal set; }

    /// <summary>Bytes in mmapped chunks now.</summary>
    public ulong MmappedBytes { get; internal set; }

    /// <summary>The most bytes ever in mmapped chunks.</summary>
    public ulong MaxMmappedBytes { get; internal set; }

    /// <summary>Where the brk heap began (0 until the first sbrk).</summary>
    public ulong SbrkBase { get; internal set; }

    /// <summary>Number of tcache bins in use (64: chunk sizes 32 to 1040).</summary>
    public ulong TcacheBins { get; internal set; } = ChunkLayout.TcacheBinCount;

    /// <summary>Chunks kept per tcache bin (7).</summary>
    public ulong TcacheCount { get; internal set; } = 7;

    /// <summary>How many unsorted chunks malloc may process after filling the tcache (0: no limit).</summary>
    public ulong TcacheUnsortedLimit { get; internal set; }

    /// <summary>M_PERTURB: when non-zero, freed memory is filled with this byte and new memory with its complement.</summary>
    public int PerturbByte { get; internal set; }

    /// <summary>M_ARENA_TEST (accepted; one arena is simulated).</summary>
    public ulong ArenaTest { get; internal set; } = 8;

    /// <summary>M_ARENA_MAX (accepted; one arena is simulated).</summary>
    public ulong ArenaMax { get; internal set; }
}
