namespace MemKata.Oracle.Traces;

/// <summary>What a generated trace stresses in glibc's malloc (see <see cref="TraceGenerator"/>).</summary>
public enum TraceProfile
{
    /// <summary>Sizes straddling the 128 KiB mmap threshold and far above it (up to 40 MiB). Freeing an mmapped chunk
    /// raises the dynamic threshold (at most to 32 MiB), so later mid-sized requests are served from the heap.</summary>
    MmapThreshold,

    /// <summary>Grows the heap, then frees from the top so the free space at the top passes the 128 KiB trim threshold
    /// and the heap shrinks; repeated after an mmapped free has moved both thresholds.</summary>
    TopTrimming,

    /// <summary>Churn of 0..1032-byte requests: tcache reuse, tcache bins filled past their 7 entries so frees reach the
    /// fastbins and small bins, and bursts of one size.</summary>
    SmallReuse,

    /// <summary>Blocks above the tcache range (1033..4096 bytes, a few bigger) freed next to each other so neighbours
    /// merge, and fastbin chunks consolidated by a later large request.</summary>
    Coalescing,

    /// <summary>1 KiB..120 KiB blocks freed between guards and reallocated in other sizes, so chunks are sorted out of
    /// the unsorted bin into the large bins and split by best-fit.</summary>
    LargeBins,

    /// <summary>Realloc chains: growing in place, into top and into a free neighbour, moving, shrinking, growing and
    /// shrinking mmapped chunks (mremap), <c>realloc(p, 0)</c> and <c>realloc(NULL, n)</c>.</summary>
    Realloc,

    /// <summary>All of the above interleaved in one trace.</summary>
    Mixed,
}
