namespace MemKata.Contracts.Kernel;

/// <summary>Who is reclaiming, which changes only the counters and how hard to try.</summary>
public enum ReclaimMode
{
    /// <summary>kswapd, in the background: woke below the low watermark, works until the high watermark.</summary>
    Background,

    /// <summary>Direct reclaim: an allocation would take free memory below the min watermark, so the allocating process
    /// reclaims itself and stalls meanwhile.</summary>
    Direct,
}
