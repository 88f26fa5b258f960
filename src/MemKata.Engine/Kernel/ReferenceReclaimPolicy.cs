using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The reference page-replacement policy, a simplified Linux 6.x (classic two-list LRU, not MGLRU; mm/vmscan.c:
/// <c>shrink_lruvec</c>, <c>get_scan_count</c>, <c>shrink_active_list</c>, <c>shrink_folio_list</c>) and the OOM victim
/// choice of mm/oom_kill.c (<c>select_bad_process</c>). An ordinary <see cref="IReclaimPolicy"/>: a learner's replaces it.
/// </summary>
/// <remarks>
/// <para>Each pass works at a priority from 12 down to 0 and scans (list size &gt;&gt; priority) pages, at least a batch,
/// split between anonymous and file pages by swappiness: anonymous gets swappiness / 200 of the scan, file the rest;
/// with no free swap anonymous pages are not scanned at all.</para>
/// <para>Aging: when an inactive list is smaller than its active list, pages move from the tail of the active list to
/// the inactive list, their referenced bits cleared. Second chance: a page at the tail of an inactive list whose
/// referenced bit is set goes back to the active list instead of being reclaimed.</para>
/// <para>Freeing: a clean file page is dropped; a dirty one is written back first, then dropped (writeback here is
/// synchronous); an anonymous page is swapped out, or activated when swap is full.</para>
/// <para>Simplified away: the cost-based anon/file balance, PG_referenced's two-touch rule for file pages, executable
/// pages staying active, asynchronous writeback, and the refault (workingset) detection.</para>
/// </remarks>
public sealed class ReferenceReclaimPolicy : IReclaimPolicy
{
    private const int DefaultPriority = 12;
    private const long Batch = 32;

    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.FreePages + request.PagesWanted;
        for (var priority = DefaultPriority; priority >= 0 && context.FreePages < target; priority--)
        {
            var anonShare = context.FreeSwapSlots > 0 ? context.Swappiness : 0;
            var fileShare = 200 - context.Swappiness;
            var anon = Share(context.Count(LruList.InactiveAnon) + context.Count(LruList.ActiveAnon), priority, anonShare);
            var file = Share(context.Count(LruList.InactiveFile) + context.Count(LruList.ActiveFile), priority, fileShare);
            if (anon == 0 && file == 0)
            {
                return;
            }

            if (file > 0)
            {
                ShrinkType(context, LruList.InactiveFile, LruList.ActiveFile, file, target);
            }

            if (anon > 0 && context.FreePages < target)
            {
                ShrinkType(context, LruList.InactiveAnon, LruList.ActiveAnon, anon, target);
            }
        }
    }

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        int? chosen = null;
        var chosenPoints = long.MinValue;
        foreach (var candidate in candidates)
        {
            var points = OomKiller.Badness(candidate, totalPages);
            if (points is null)
            {
                continue;
            }

            // Linux replaces its choice on equal points too: the later process wins a tie.
            if (chosen is null || points.Value >= chosenPoints)
            {
                chosen = candidate.Pid;
                chosenPoints = points.Value;
            }
        }

        return chosen;
    }

    // (size >> priority) pages, at least one batch (or the whole list when smaller), times share / 200.
    private static long Share(long size, int priority, int share)
    {
        if (size == 0 || share == 0)
        {
            return 0;
        }

        var scan = Math.Max(size >> priority, Math.Min(size, Batch));
        return Math.Max(1, scan * share / 200);
    }

    private static void ShrinkType(IReclaimContext context, LruList inactive, LruList active, long toScan, long target)
    {
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

            if (context.TestAndClearReferenced(frame))
            {
                context.Activate(frame);
                continue;
            }

            var page = context.Inspect(frame);
            if (page.IsAnonymous)
            {
                if (!context.SwapOut(frame))
                {
                    context.Activate(frame);
                }

                continue;
            }

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
