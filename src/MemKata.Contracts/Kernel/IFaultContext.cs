namespace MemKata.Contracts.Kernel;

/// <summary>
/// What the kernel offers a page-fault handler, for the faulting process only: the areas, the page table, frames, the
/// page cache and swap. Every page address must be page-aligned; passing an unaligned one is a bug and throws.
/// </summary>
public interface IFaultContext
{
    /// <summary>The page size in bytes (4096).</summary>
    ulong PageSize { get; }

    /// <summary>The area of the faulting process covering <paramref name="address"/>, or null if there is none.</summary>
    VmaInfo? FindVma(ulong address);

    /// <summary>The faulting process's page table entry for the page at <paramref name="pageAddress"/>.</summary>
    PageTableEntry ReadPte(ulong pageAddress);

    /// <summary>
    /// Takes a free frame. When free memory is short this may run direct reclaim (the process stalls) and, if reclaim
    /// cannot help, the OOM killer. Returns null when no frame could be had (the caller then reports out of memory).
    /// The frame's old contents are garbage: zero-fill or overwrite it before mapping it.
    /// </summary>
    FrameNumber? AllocateFrame();

    /// <summary>Fills <paramref name="frame"/> with zeros (what fresh anonymous memory must read as).</summary>
    void ZeroFill(FrameNumber frame);

    /// <summary>Copies a whole page from <paramref name="source"/> into <paramref name="destination"/> (copy on write).
    /// The zero page can be a source: pass the frame from a zero-page entry.</summary>
    void CopyFrame(FrameNumber source, FrameNumber destination);

    /// <summary>
    /// The page-cache frame holding the page of <paramref name="fileName"/> at <paramref name="fileOffset"/> (rounded down
    /// to a page). On a miss the kernel allocates a frame and reads the page from disk: <paramref name="wasCached"/> is
    /// then false and the fault is major. Returns null when no frame could be had.
    /// </summary>
    FrameNumber? ReadFilePage(string fileName, ulong fileOffset, out bool wasCached);

    /// <summary>
    /// Brings the swapped-out page at <paramref name="pageAddress"/> back: allocates a frame, reads the swap slot named
    /// by its entry into it and frees the slot. The page is not mapped yet: call <see cref="MapPage"/>. Returns null when
    /// no frame could be had. Throws if the entry is not a swap entry.
    /// </summary>
    FrameNumber? SwapIn(ulong pageAddress);

    /// <summary>
    /// Points the entry for <paramref name="pageAddress"/> at <paramref name="frame"/> (present, user, writable if asked),
    /// replacing what was there. A frame that is not a page-cache frame becomes this process's anonymous page (counted in
    /// its RSS and put on the inactive anonymous LRU list); a page-cache frame becomes shared file memory.
    /// </summary>
    void MapPage(ulong pageAddress, FrameNumber frame, bool writable);

    /// <summary>Maps the shared zero page read-only at <paramref name="pageAddress"/>: what a read of untouched anonymous
    /// memory gets, at the cost of no frame. A later write faults again and needs a frame of its own.</summary>
    void MapZeroPage(ulong pageAddress);
}
