namespace MemKata.Graders.Allocator;

/// <summary>
/// The numbers the instructions make REQUIRED, named once: the mmap threshold, the mapping length of a big block, and
/// the bounds on heap growth and on the free space left at the end of the heap.
/// </summary>
internal static class Rules
{
    public const ulong KiB = 1024;
    public const ulong PageSize = 4096;

    /// <summary>A request whose chunk size reaches this gets a mapping of its own.</summary>
    public const ulong MmapThreshold = 128 * KiB;

    /// <summary>The largest request served from the heap: its chunk size is 131056.</summary>
    public const ulong LargestHeapRequest = 131048;

    /// <summary>The smallest request served by mmap: its chunk size is 131072.</summary>
    public const ulong SmallestMappedRequest = 131049;

    /// <summary>The most free space the end of the heap may keep after a free: the 128 KiB trim threshold (or a pad of at
    /// most 128 KiB) plus 8 KiB for page rounding and the learner's bookkeeping.</summary>
    public const ulong MaxFreeTail = 136 * KiB;

    /// <summary>The most one heap growth may add beyond the request itself: a pad of at most 128 KiB plus 8 KiB slack.</summary>
    public const ulong MaxGrowthBeyondRequest = 136 * KiB;

    /// <summary>The largest request malloc must try to serve (PTRDIFF_MAX); above it malloc returns NULL.</summary>
    public const ulong MaxRequest = long.MaxValue;

    /// <summary>Requests up to this size must succeed in a grading process, which has memory to spare (64 MiB).</summary>
    public const ulong ServedRequest = 64 * KiB * KiB;

    /// <summary>glibc's request2size: the request plus the 8-byte size word, rounded up to 16, at least 32.</summary>
    public static ulong ChunkSizeFor(ulong request) => Math.Max(32, (request + 8 + 15) & ~15UL);

    /// <summary>True if the rules send <paramref name="request"/> to mmap.</summary>
    public static bool IsMappedRequest(ulong request) => request <= MaxRequest && ChunkSizeFor(request) >= MmapThreshold;

    /// <summary>The length of the mapping a big request gets: its chunk size plus 8, rounded up to whole pages.</summary>
    public static ulong MappingLengthFor(ulong request) => (ChunkSizeFor(request) + 8 + PageSize - 1) & ~(PageSize - 1);
}
