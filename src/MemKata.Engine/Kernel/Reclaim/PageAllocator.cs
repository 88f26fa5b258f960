using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// Hands out frames the way Linux's page allocator does for an order-0 user page (mm/page_alloc.c: the fast path, then
/// <c>__alloc_pages_slowpath</c>): a frame is taken while more than the min watermark is free; at or below the low
/// watermark kswapd is woken; at the min watermark the allocating process reclaims directly (<see cref="DirectReclaim"/>);
/// when reclaim makes no progress several times in a row the OOM killer frees memory by killing a process.
/// </summary>
internal sealed class PageAllocator(FrameTable frames, Watermarks marks, Kswapd kswapd, DirectReclaim directReclaim, OomKiller oomKiller)
{
    /// <summary>Direct reclaim passes without progress before the OOM killer is called (Linux's MAX_RECLAIM_RETRIES).</summary>
    public const int MaxReclaimRetries = 16;

    /// <summary>
    /// A frame for <paramref name="requester"/>, or null when none can be had: the requester was killed by the OOM
    /// killer, or nothing is left to kill. The frame's contents are garbage and it is not mapped yet.
    /// </summary>
    public FrameNumber? Allocate(SimProcess requester)
    {
        kswapd.Tick();
        var failures = 0;
        while (requester.IsAlive)
        {
            if (frames.FreeFrames <= marks.Low)
            {
                kswapd.Wake();
            }

            if (frames.FreeFrames > marks.Min)
            {
                return frames.TryTake();
            }

            if (directReclaim.Run(requester) > 0)
            {
                failures = 0;
                continue;
            }

            if (++failures < MaxReclaimRetries)
            {
                continue;
            }

            failures = 0;
            if (!oomKiller.KillVictim(requester))
            {
                // Nothing left to kill: Linux would panic; the simulation refuses the allocation.
                return null;
            }
        }

        return null;
    }
}
