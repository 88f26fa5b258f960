namespace MemKata.Contracts.Kernel;

/// <summary>
/// What the kernel offers a reclaim policy: the LRU lists, page state and the actions that free frames. Every action
/// takes a frame that <see cref="ScanTail"/> handed you during this request and that is still on an LRU list; anything
/// else is a bug and throws. Scans are counted (pgscan_kswapd or
/// pgscan_direct) and bounded: once the budget of this request is spent <see cref="ScanTail"/> returns null.
/// </summary>
public interface IReclaimContext
{
    /// <summary><c>vm.swappiness</c>, 0 to 200: how willing to swap anonymous pages rather than drop file pages (100 is even).</summary>
    int Swappiness { get; }

    /// <summary>Frames free right now.</summary>
    long FreePages { get; }

    /// <summary>Free swap slots: an anonymous page can only be swapped out while this is above zero.</summary>
    long FreeSwapSlots { get; }

    /// <summary>How many pages are on <paramref name="list"/>.</summary>
    long Count(LruList list);

    /// <summary>The oldest page of <paramref name="list"/> for you to decide on, counted as scanned; null when the list is
    /// empty or the scan budget is spent. The page stays on its list until you act: rotate, move, or free it.</summary>
    FrameNumber? ScanTail(LruList list);

    /// <summary>The state of the page in <paramref name="frame"/>.</summary>
    PageInfo Inspect(FrameNumber frame);

    /// <summary>Reads and clears the referenced (accessed) bit in every page table entry that maps the page, as Linux's
    /// <c>folio_referenced</c> does: true if any process touched the page since the last check.</summary>
    bool TestAndClearReferenced(FrameNumber frame);

    /// <summary>Moves the page to the head (youngest end) of its own list: "not now".</summary>
    void Rotate(FrameNumber frame);

    /// <summary>Moves an inactive page to the head of the matching active list (second chance).</summary>
    void Activate(FrameNumber frame);

    /// <summary>Moves an active page to the head of the matching inactive list (aging).</summary>
    void Deactivate(FrameNumber frame);

    /// <summary>Writes a dirty page-cache page to its file; it is clean afterwards and stays where it is.</summary>
    void Writeback(FrameNumber frame);

    /// <summary>Writes an anonymous page to a free swap slot, turns its page table entry into a swap entry and frees
    /// the frame. Returns false (and does nothing) when swap is full or absent.</summary>
    bool SwapOut(FrameNumber frame);

    /// <summary>Frees a clean page-cache page: unmaps it from every process and removes it from the page cache. A dirty
    /// page must be written back first; dropping one throws.</summary>
    void Drop(FrameNumber frame);
}
