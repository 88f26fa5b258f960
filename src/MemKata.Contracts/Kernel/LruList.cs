namespace MemKata.Contracts.Kernel;

/// <summary>The four LRU lists that order every reclaimable page, oldest at the tail.</summary>
public enum LruList
{
    /// <summary>Anonymous pages not used lately: candidates for swap-out.</summary>
    InactiveAnon,

    /// <summary>Anonymous pages in use: aged onto the inactive list before they can go.</summary>
    ActiveAnon,

    /// <summary>Page-cache pages not used lately: candidates to drop (after writeback if dirty).</summary>
    InactiveFile,

    /// <summary>Page-cache pages in use.</summary>
    ActiveFile,
}
