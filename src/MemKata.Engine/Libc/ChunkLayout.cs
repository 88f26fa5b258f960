namespace MemKata.Engine.Libc;

/// <summary>
/// The arithmetic of glibc's chunks and bins on x86-64, named once. A chunk is a 16-byte header (the previous chunk's
/// size when that chunk is free, then this chunk's size with three flag bits) followed by the user's bytes; the pointer
/// malloc returns is the chunk address + 16. Free chunks reuse the first user words as list links.
/// <code>
///   chunk ─► +0  prev_size   (valid only while the previous chunk is free)
///            +8  size | A M P
///   mem   ─► +16 fd          (free: next in bin)       ◄─ user data starts here when in use
///            +24 bk          (free: previous in bin)
///            +32 fd_nextsize (free, large bins: next smaller size)
///            +40 bk_nextsize (free, large bins: next larger size)
/// </code>
/// </summary>
internal static class ChunkLayout
{
    /// <summary>sizeof(size_t).</summary>
    public const ulong SizeSz = 8;

    /// <summary>The header in front of every user pointer: prev_size and size.</summary>
    public const ulong HeaderSize = 2 * SizeSz;

    /// <summary>Every chunk address and size is a multiple of this.</summary>
    public const ulong Alignment = 16;

    /// <summary>Alignment - 1.</summary>
    public const ulong AlignMask = Alignment - 1;

    /// <summary>The smallest chunk: header plus fd and bk.</summary>
    public const ulong MinSize = 32;

    /// <summary>Offsets of a chunk's fields.</summary>
    public const ulong PrevSizeOffset = 0, SizeOffset = 8, FdOffset = 16, BkOffset = 24, FdNextsizeOffset = 32, BkNextsizeOffset = 40;

    /// <summary>Number of bins (bin 0 unused, bin 1 unsorted, 2..63 small, 64..126 large).</summary>
    public const int BinCount = 128;

    /// <summary>Number of small bins (each holds one size).</summary>
    public const int SmallBinCount = 64;

    /// <summary>The smallest size that lives in a large bin.</summary>
    public const ulong MinLargeSize = SmallBinCount * Alignment;

    /// <summary>Largest request mallopt(M_MXFAST) accepts: 80 * sizeof(size_t) / 4.</summary>
    public const ulong MaxFastRequest = 80 * SizeSz / 4;

    /// <summary>Default M_MXFAST: 64 * sizeof(size_t) / 4.</summary>
    public const ulong DefaultMaxFastRequest = 64 * SizeSz / 4;

    /// <summary>Number of fastbins: one per 16-byte size class up to the largest fast chunk.</summary>
    public const int FastbinCount = 10;

    /// <summary>Words in the binmap (one bit per bin).</summary>
    public const int BinmapWords = BinCount / 32;

    /// <summary>Freeing a chunk (after merging) at least this big consolidates the fastbins and considers trimming.</summary>
    public const ulong FastbinConsolidationThreshold = 65536;

    /// <summary>Number of tcache bins: chunk sizes 32 to 1040 (requests up to 1032 bytes).</summary>
    public const int TcacheBinCount = 64;

    /// <summary>Largest tcache count the tunable accepts.</summary>
    public const int TcacheMaxCount = ushort.MaxValue;

    /// <summary>Size of tcache_perthread_struct: 64 two-byte counts then 64 pointers.</summary>
    public const ulong TcacheStructSize = TcacheBinCount * 2 + TcacheBinCount * 8;

    /// <summary>Byte offset of the entries array inside tcache_perthread_struct.</summary>
    public const ulong TcacheEntriesOffset = TcacheBinCount * 2;

    /// <summary>The unit sysmalloc asks mmap for when brk fails (MMAP_AS_MORECORE_SIZE).</summary>
    public const ulong MmapAsMorecoreSize = 1024 * 1024;

    /// <summary>request2size: the chunk size that holds <paramref name="request"/> user bytes.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong RequestToSize(ulong request) =>
        request + SizeSz + AlignMask < MinSize ? MinSize : (request + SizeSz + AlignMask) & ~AlignMask;

    /// <summary>checked_request2size: as <see cref="RequestToSize"/>, or 0 for a request above PTRDIFF_MAX.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ulong CheckedRequestToSize(ulong request) => request > long.MaxValue ? 0 : RequestToSize(request);

    /// <summary>True if chunks of <paramref name="size"/> go to a small bin.</summary>
    public static bool InSmallBinRange(ulong size) => size < MinLargeSize;

    /// <summary>The small bin of a chunk size.</summary>
    public static int SmallBinIndex(ulong size) => (int)((uint)size >> 4);

    /// <summary>The large bin of a chunk size: 32 bins 64 bytes apart, then 16 of 512, 8 of 4096, 4 of 32768, 2 of
    /// 262144, and one for the rest.</summary>
    public static int LargeBinIndex(ulong size) =>
        (size >> 6) <= 48 ? 48 + (int)(size >> 6)
        : (size >> 9) <= 20 ? 91 + (int)(size >> 9)
        : (size >> 12) <= 10 ? 110 + (int)(size >> 12)
        : (size >> 15) <= 4 ? 119 + (int)(size >> 15)
        : (size >> 18) <= 2 ? 124 + (int)(size >> 18)
        : 126;

    /// <summary>The bin of a chunk size.</summary>
    public static int BinIndex(ulong size) => InSmallBinRange(size) ? SmallBinIndex(size) : LargeBinIndex(size);

    /// <summary>The fastbin of a chunk size.</summary>
    public static int FastbinIndex(ulong size) => (int)((uint)size >> 4) - 2;

    /// <summary>csize2tidx: the tcache bin of a chunk size.</summary>
    public static ulong TcacheIndex(ulong chunkSize) => (chunkSize - MinSize + AlignMask) / Alignment;

    /// <summary>tidx2usize: the largest request a tcache bin serves.</summary>
    public static ulong TcacheBinRequestLimit(ulong index) => index * Alignment + MinSize - SizeSz;

    /// <summary>set_max_fast: the largest fast chunk size for a M_MXFAST request value.</summary>
    public static ulong MaxFastChunk(ulong request) =>
        request <= AlignMask - SizeSz ? MinSize / 2 : (request + SizeSz) & ~AlignMask;

    /// <summary>Rounds <paramref name="value"/> up to a multiple of the power of two <paramref name="unit"/>.</summary>
    public static ulong AlignUp(ulong value, ulong unit) => (value + unit - 1) & ~(unit - 1);

    /// <summary>Rounds <paramref name="value"/> down to a multiple of the power of two <paramref name="unit"/>.</summary>
    public static ulong AlignDown(ulong value, ulong unit) => value & ~(unit - 1);
}
