namespace MemKata.Contracts.Kernel;

/// <summary>One request to reclaim memory.</summary>
/// <param name="Mode">kswapd or direct.</param>
/// <param name="PagesWanted">How many frames the kernel would like freed; freeing more is allowed, fewer means trouble.</param>
public readonly record struct ReclaimRequest(ReclaimMode Mode, long PagesWanted);
