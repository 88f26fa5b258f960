using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Reference;

/// <summary>
/// The reference reclaim policy: a simplified Linux 6.x two-list LRU (mm/vmscan.c) and the OOM victim choice of
/// mm/oom_kill.c. Written against MemKata.Contracts only, as a learner's must be.
/// </summary>
public sealed class ReferenceReclaimPolicy : IReclaimPolicy
{
    // Linux starts at DEF_PRIORITY 12 (scan 1/4096 of each list) and halves the priority, doubling the scan, until
    // enough is freed. SWAP_CLUSTER_MAX is 32: the least worth scanning at once.
    private const int StartPriority = 12;
    private const long Batch = 32;
    private const int NeverKill = -1000;

    /// <summary>Creates the policy; it keeps no state between requests.</summary>
    public ReferenceReclaimPolicy()
    {
    }

    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Task 4: both modes stop as soon as the request is met. kswapd's request is already "up to the high
        // watermark"; direct reclaim asks for one batch, so stopping at the target keeps the stall short.
        var target = context.FreePages + request.PagesWanted;
        for (var priority = StartPriority; priority >= 0 && context.FreePages < target; priority--)
        {
            // Task 3: swappiness splits each pass between anonymous (swappiness / 200) and file pages (the rest).
            // As get_scan_count does, a kind that cannot help leaves the whole pass to the other: without free swap
            // anonymous pages cannot go anywhere and are not scanned; and when even dropping every file page would
            // not reach the target ("file is tiny") anonymous pages take it all, whatever the swappiness.
            var anonPages = context.Count(LruList.InactiveAnon) + context.Count(LruList.ActiveAnon);
            var filePages = context.Count(LruList.InactiveFile) + context.Count(LruList.ActiveFile);
            var anonShare = context.FreeSwapSlots > 0 && anonPages > 0
                ? (filePages + context.FreePages <= target ? 200 : context.Swappiness)
                : 0;

            var anon = ScanCount(anonPages, priority, anonShare);
            var file = ScanCount(filePages, priority, 200 - anonShare);
            if (anon == 0 && file == 0)
            {
                return;
            }

            if (file > 0)
            {
                Shrink(context, LruList.InactiveFile, LruList.ActiveFile, file, target);
            }

            if (anon > 0 && context.FreePages < target)
            {
                Shrink(context, LruList.InactiveAnon, LruList.ActiveAnon, anon, target);
            }
        }
    }

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages)
    {
        ArgumentNullException.ThrowIfNull(candidates);

        // Task 5: select_bad_process keeps the highest oom_badness; on equal points the later process replaces the
        // earlier one (its test is "points >= chosen").
        int? victim = null;
        var victimPoints = 0L;
        foreach (var candidate in candidates)
        {
            if (candidate.OomScoreAdj == NeverKill)
            {
                continue;
            }

            var points = candidate.ResidentPages + candidate.SwapEntries + candidate.PageTablePages
                + (candidate.OomScoreAdj * (totalPages / 1000));
            if (victim is null || points >= victimPoints)
            {
                victim = candidate.Pid;
                victimPoints = points;
            }
        }

        return victim;
    }

    // (size >> priority) pages, at least one batch (or the whole list when smaller), times share / 200.
    private static long ScanCount(long size, int priority, int share)
    {
        if (size == 0 || share == 0)
        {
            return 0;
        }

        var scan = Math.Max(size >> priority, Math.Min(size, Batch));
        return Math.Max(1, scan * share / 200);
    }

    private static void Shrink(IReclaimContext context, LruList inactive, LruList active, long toScan, long target)
    {
        // Task 1, aging: keep the inactive list at least as long as the active one, so that pages in use are
        // checked again before they can be taken.
        if (context.Count(inactive) < context.Count(active))
        {
            Age(context, active, toScan);
        }

        for (var i = 0L; i < toScan && context.FreePages < target; i++)
        {
            if (context.ScanTail(inactive) is not { } frame)
            {
                return;
            }

            // Task 1, second chance: a page touched since the last look goes back to the active list.
            if (context.TestAndClearReferenced(frame))
            {
                context.Activate(frame);
                continue;
            }

            var page = context.Inspect(frame);
            if (page.IsAnonymous)
            {
                // Task 3: to swap, or back to the active list when swap is full.
                if (!context.SwapOut(frame))
                {
                    context.Activate(frame);
                }

                continue;
            }

            // Task 2: a dirty page's only up-to-date copy is in RAM: write it to its file before dropping it.
            if (page.Dirty)
            {
                context.Writeback(frame);
            }

            context.Drop(frame);
        }
    }

    private static void Age(IReclaimContext context, LruList active, long toScan)
    {
        for (var i = 0L; i < toScan; i++)
        {
            if (context.ScanTail(active) is not { } frame)
            {
                return;
            }

            context.TestAndClearReferenced(frame);
            context.Deactivate(frame);
        }
    }
}
