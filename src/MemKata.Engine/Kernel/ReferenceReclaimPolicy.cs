using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The reference page-replacement policy, a simplified Linux 6.x (classic two-list LRU, not MGLRU; mm/vmscan.c:
/// <c>shrink_lruvec</c>, <c>get_scan_count</c>, <c>shrink_active_list</c>, <c>shrink_folio_list</c>) and the OOM victim
/// choice of mm/oom_kill.c (<c>select_bad_process</c>). An ordinary <see cref="IReclaimPolicy"/>: a learner's replaces it.
/// </summary>
/// <remarks>
/// <para>Each pass works at a priority from 12 down to 0 and scans (list size &gt;&gt; priority) pages, at least a batch,
/// split between anonymous and file pages by swappiness: anonymous gets swappiness / 200 of the scan, file the rest.
/// Two cases leave the whole pass to one kind, as <c>get_scan_count</c> does: with no free swap (or no anonymous page)
/// only file pages are scanned (SCAN_FILE), and when the file pages together with the free ones cannot reach the
/// target only anonymous pages are, even at swappiness 0 (SCAN_ANON, "file is tiny").</para>
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
            var anonPages = context.Count(LruList.InactiveAnon) + context.Count(LruList.ActiveAnon);
            var filePages = context.Count(LruList.InactiveFile) + context.Count(LruList.ActiveFile);
            var anonShare = AnonShare(context, anonPages, filePages, target);
            var anon = Share(anonPages, priority, anonShare);
            var file = Share(filePages, priority, 200 - anonShare);
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

    // The anonymous part of a pass, out of 200 (file pages get the rest), as get_scan_count balances it. Normally it is
    // swappiness. When anonymous pages cannot be reclaimed (no free swap slot, or none on the lists) file pages get the
    // whole pass. When the file lists are too short to meet the target even if every file page went ("file is tiny":
    // Linux compares file + free pages with the high watermark) anonymous pages get the whole pass, whatever the
    // swappiness, since swapping is then the only way to avoid the OOM killer.
    private static int AnonShare(IReclaimContext context, long anonPages, long filePages, long target)
    {
        if (context.FreeSwapSlots <= 0 || anonPages == 0)
        {
            return 0;
        }

        return filePages + context.FreePages <= target ? 200 : context.Swappiness;
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
