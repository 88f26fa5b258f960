using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// Direct reclaim (Linux's <c>__alloc_pages_direct_reclaim</c> → <c>try_to_free_pages</c>): an allocation that would
/// take free memory below the min watermark makes the allocating process reclaim by itself, and it stalls meanwhile
/// (counted in allocstall and in the process's stalls). One pass asks the reclaim policy for a batch of pages.
/// </summary>
internal sealed class DirectReclaim(Reclaimer reclaimer, VmStat vmStat)
{
    /// <summary>Pages one direct-reclaim pass tries to free (SWAP_CLUSTER_MAX).</summary>
    public const int Batch = 32;

    /// <summary>One pass on behalf of <paramref name="requester"/>; returns the frames it freed.</summary>
    public long Run(SimProcess requester)
    {
        vmStat.AllocStall++;
        requester.ReclaimStalls++;
        return reclaimer.Run(ReclaimMode.Direct, Batch, requester.Pid);
    }
}
