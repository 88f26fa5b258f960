using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// One run of the reclaim policy (a kswapd pass or a direct reclaim) as a learner checks it (<c>--show reclaim</c>):
/// the LRU lists' sizes before and after, and what moved: pages the policy rotated, activated or deactivated on the
/// lists, and pages that left them (written back, swapped out, dropped). Told to <see cref="Machine.ReclaimRan"/>.
/// </summary>
/// <param name="Pid">The process the reclaim ran for (0: kswapd).</param>
/// <param name="Mode">Background (kswapd) or direct.</param>
/// <param name="Wanted">How many pages the kernel asked for.</param>
/// <param name="Before">The four lists' sizes before the pass, in <see cref="LruList"/> order.</param>
/// <param name="After">Their sizes after it.</param>
/// <param name="Scanned">Inactive pages the policy took off a tail.</param>
/// <param name="Rotated">Pages it put back at the head of their own list (a second chance).</param>
/// <param name="Activated">Pages it moved from an inactive list to its active list.</param>
/// <param name="Deactivated">Pages it moved from an active list to its inactive list.</param>
/// <param name="WrittenBack">Dirty file pages it started writing back.</param>
/// <param name="SwappedOut">Anonymous pages it swapped out.</param>
/// <param name="Dropped">Clean file pages it dropped.</param>
/// <param name="Freed">Frames on the free list after the pass, less before.</param>
public sealed record ReclaimPass(
    int Pid, ReclaimMode Mode, long Wanted, IReadOnlyList<long> Before, IReadOnlyList<long> After,
    long Scanned, long Rotated, long Activated, long Deactivated, long WrittenBack, long SwappedOut, long Dropped, long Freed);
