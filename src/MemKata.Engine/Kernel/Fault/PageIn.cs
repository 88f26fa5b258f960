using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// Bringing a page into RAM for a fault, the two ways that need I/O (the fault context's <c>ReadFilePage</c> and
/// <c>SwapIn</c>): from a file through the page cache (Linux's <c>filemap_fault</c>), and from swap (<c>do_swap_page</c>'s
/// read). Both take a frame from the page allocator, which may reclaim or call the OOM killer on the way.
/// </summary>
internal sealed class PageIn(FrameTable frames, LruLists lru, PageCache pageCache, SwapDevice swap, PageAllocator allocator, PageMapper mapper, VmStat vmStat)
{
    /// <summary>The page-cache frame of <paramref name="fileName"/> at <paramref name="fileOffset"/>, read from disk
    /// on a miss; null when no frame could be had. A page wholly past the end of the file is a bus error (SIGBUS), as
    /// Linux answers a fault there.</summary>
    public FrameNumber? ReadFilePage(SimProcess process, string fileName, ulong fileOffset, ulong faultAddress, bool write, out bool wasCached)
    {
        var file = pageCache.Find(fileName) ?? throw new ArgumentException($"IFaultContext.ReadFilePage: no file named '{fileName}'");
        var index = (long)(fileOffset / PageUnits.PageSize);
        if ((ulong)index >= file.Pages)
        {
            throw new BusErrorException(faultAddress, write,
                $"page {index} of '{file.Name}' is past the end of the file ({file.SizeBytes} bytes, {file.Pages} page{(file.Pages == 1 ? "" : "s")})");
        }

        var cached = pageCache.Lookup(file, index);
        wasCached = cached is not null;
        if (cached is not null)
        {
            return cached;
        }

        var frame = allocator.Allocate(process);
        if (frame is null)
        {
            return null;
        }

        // Reclaim during the allocation may have read the page in for another mapper: look again.
        var raced = pageCache.Lookup(file, index);
        if (raced is not null)
        {
            frames.Release(frame.Value);
            wasCached = true;
            return raced;
        }

        Span<byte> page = stackalloc byte[(int)PageUnits.PageSize];
        file.ReadPage(index, page);
        frames.Contents.CopyIn(frame.Value.Value, page);
        frames.AddToPageCache(frame.Value, file.Id, index);
        pageCache.Insert(file, index, frame.Value);
        lru.AddHead(frame.Value, LruList.InactiveFile);
        vmStat.PgPgIn += PageUnits.KilobytesPerPage;
        return frame;
    }

    /// <summary>Reads the swap slot of <paramref name="process"/>'s entry for <paramref name="page"/> into a new frame
    /// and frees the slot; the entry is cleared until the handler maps the frame. Null when no frame could be had.</summary>
    public FrameNumber? SwapIn(SimProcess process, ulong page)
    {
        if (process.PageTable.Get(page).State != PteState.Swapped)
        {
            throw new InvalidOperationException($"IFaultContext.SwapIn: the entry for {HexFormat.Address(page * PageUnits.PageSize)} is not a swap entry");
        }

        var frame = allocator.Allocate(process);
        if (frame is null)
        {
            return null;
        }

        // The allocation may have reclaimed, but never this entry: it is not on any LRU list.
        var slot = process.PageTable.Get(page).SwapSlot;
        frames.Contents.SetCompact(frame.Value.Value, swap.Read(slot));
        mapper.ClearEntry(process, page);
        vmStat.PswpIn++;
        return frame;
    }
}
