namespace MemKata.Engine.Libc;

/// <summary>The <c>mallopt</c> parameters, numbered as in glibc's <c>malloc.h</c>.</summary>
public enum MallocParameter
{
    /// <summary><c>M_MXFAST</c>: largest request served from the fastbins (0 to 160 bytes; default 128).</summary>
    MaxFast = 1,

    /// <summary><c>M_TRIM_THRESHOLD</c>: free space at the top of the heap above which free() gives memory back (default 128 KiB,
    /// raised dynamically while the mmap threshold is). Setting it turns the dynamic thresholds off.</summary>
    TrimThreshold = -1,

    /// <summary><c>M_TOP_PAD</c>: extra bytes asked of sbrk on each heap growth (default 128 KiB). Setting it turns the dynamic
    /// thresholds off.</summary>
    TopPad = -2,

    /// <summary><c>M_MMAP_THRESHOLD</c>: requests of at least this many bytes get a mapping of their own (default 128 KiB, at most
    /// 32 MiB). Setting it turns the dynamic thresholds off.</summary>
    MmapThreshold = -3,

    /// <summary><c>M_MMAP_MAX</c>: how many chunks may be mmapped at once (default 65536; 0 turns mmap off). Setting it turns
    /// the dynamic thresholds off.</summary>
    MmapMax = -4,

    /// <summary><c>M_CHECK_ACTION</c>: accepted and ignored, as in glibc 2.36.</summary>
    CheckAction = -5,

    /// <summary><c>M_PERTURB</c>: fill freed memory with this byte, and new memory with its complement.</summary>
    Perturb = -6,

    /// <summary><c>M_ARENA_TEST</c>: accepted; only the main arena is simulated.</summary>
    ArenaTest = -7,

    /// <summary><c>M_ARENA_MAX</c>: accepted; only the main arena is simulated.</summary>
    ArenaMax = -8,
}
