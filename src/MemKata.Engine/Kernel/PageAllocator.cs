using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// Hands out frames the way Linux's page allocator does for an order-0 user page (mm/page_alloc.c: the fast path, then
/// <c>__alloc_pages_slowpath</c>): a frame is taken while more than the min watermark is free; at or below the low
/// watermark kswapd is woken; at the min watermark the allocating process reclaims directly (a stall, counted in
/// allocstall); when reclaim makes no progress several times in a row the OOM killer frees memory by killing a process.
/// </summary>
internal sealed class PageAllocator
{
    /// <summary>Direct reclaim passes without progress before the OOM killer is called (Linux's MAX_RECLAIM_RETRIES).</summary>
    public const int MaxReclaimRetries = 16;

    /// <summary>Pages one direct-reclaim pass tries to free (SWAP_CLUSTER_MAX).</summary>
    public const int DirectReclaimBatch = 32;

    private readonly Machine _machine;

    public PageAllocator(Machine machine) => _machine = machine;

    /// <summary>
    /// A frame for <paramref name="requester"/>, or null when none can be had: the requester was killed by the OOM
    /// killer, or nothing is left to kill. The frame's contents are garbage and it is not mapped yet.
    /// </summary>
    public FrameNumber? Allocate(SimProcess requester)
    {
        var physical = _machine.Physical;
        var marks = _machine.Watermarks;
        _machine.Kswapd.Tick();
        var failures = 0;
        while (requester.IsAlive)
        {
            if (physical.FreeFrames <= marks.Low)
            {
                _machine.Kswapd.Wake();
            }

            if (physical.FreeFrames > marks.Min)
            {
                return physical.TryTake();
            }

            if (DirectReclaim(requester) > 0)
            {
                failures = 0;
                continue;
            }

            if (++failures < MaxReclaimRetries)
            {
                continue;
            }

            failures = 0;
            if (!_machine.OomKiller.KillVictim(requester))
            {
                // Nothing left to kill: Linux would panic; the simulation refuses the allocation.
                return null;
            }
        }

        return null;
    }

    // One direct-reclaim pass on behalf of requester: it stalls while the policy frees up to a batch of pages.
    private long DirectReclaim(SimProcess requester)
    {
        _machine.VmStat.AllocStall++;
        requester.ReclaimStalls++;
        return _machine.Reclaimer.Run(ReclaimMode.Direct, DirectReclaimBatch, requester.Pid);
    }
}
