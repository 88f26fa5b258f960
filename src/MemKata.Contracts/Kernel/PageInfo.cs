namespace MemKata.Contracts.Kernel;

/// <summary>What a reclaim policy can learn about one page on an LRU list.</summary>
/// <param name="Frame">The page's frame.</param>
/// <param name="List">The list it is on.</param>
/// <param name="IsAnonymous">True for process memory (goes to swap), false for a page-cache page (dropped, or written back first).</param>
/// <param name="Dirty">True if the page differs from its copy on disk: a file page must be written back before it can be dropped.</param>
/// <param name="Mapped">True if some process maps it (a page-cache page may be cached without being mapped).</param>
public readonly record struct PageInfo(FrameNumber Frame, LruList List, bool IsAnonymous, bool Dirty, bool Mapped);
