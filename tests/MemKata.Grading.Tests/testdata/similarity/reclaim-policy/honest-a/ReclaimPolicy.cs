using MemKata.Contracts.Kernel;

/// <summary>
/// Reclaim in rounds: each round ages the active lists, then splits a batch between anonymous and file pages by
/// swappiness and walks the inactive tails. The OOM choice follows oom_badness.
/// </summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    private const int Batch = 32;

    /// <summary>Creates the policy.</summary>
    public ReclaimPolicy()
    {
    }

    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        long goal = context.FreePages + request.PagesWanted;
        int round = 0;
        while (context.FreePages < goal)
        {
            long before = context.FreePages;
            long wanted = goal - context.FreePages;
            long batch = Math.Max(Batch, wanted) << Math.Min(round, 10);

            bool swapOk = context.FreeSwapSlots > 0;
            long fileCount = context.Count(LruList.InactiveFile) + context.Count(LruList.ActiveFile);
            long anonShare;
            if (!swapOk)
            {
                anonShare = 0;
            }
            else if (fileCount < wanted)
            {
                anonShare = batch;
            }
            else
            {
                anonShare = batch * context.Swappiness / 200;
            }

            long fileShare = batch - anonShare;

            bool progress = false;
            if (anonShare > 0)
            {
                progress |= ShrinkList(context, LruList.InactiveAnon, LruList.ActiveAnon, anonShare, goal);
            }

            if (fileShare > 0 && context.FreePages < goal)
            {
                progress |= ShrinkList(context, LruList.InactiveFile, LruList.ActiveFile, fileShare, goal);
            }

            if (context.FreePages == before && !progress)
            {
                return;
            }

            round++;
        }
    }

    // Ages the active list if it outgrew the inactive one, then scans up to 'budget' inactive pages.
    // Answers whether anything moved at all (a scan that only activates still makes progress for aging).
    private static bool ShrinkList(IReclaimContext context, LruList inactive, LruList active, long budget, long goal)
    {
        bool moved = false;
        long toAge = context.Count(active) - context.Count(inactive);
        if (context.Count(inactive) == 0)
        {
            toAge = Math.Max(toAge, budget);
        }

        for (long i = 0; i < toAge; i++)
        {
            FrameNumber? candidate = context.ScanTail(active);
            if (candidate == null)
            {
                break;
            }

            context.TestAndClearReferenced(candidate.Value);
            context.Deactivate(candidate.Value);
            moved = true;
        }

        for (long i = 0; i < budget && context.FreePages < goal; i++)
        {
            FrameNumber? candidate = context.ScanTail(inactive);
            if (candidate == null)
            {
                break;
            }

            FrameNumber frame = candidate.Value;
            if (context.TestAndClearReferenced(frame))
            {
                context.Activate(frame);
                moved = true;
                continue;
            }

            PageInfo info = context.Inspect(frame);
            if (info.IsAnonymous)
            {
                if (context.SwapOut(frame))
                {
                    moved = true;
                }
                else
                {
                    context.Activate(frame);
                    return moved;
                }
            }
            else
            {
                if (info.Dirty)
                {
                    context.Writeback(frame);
                }

                context.Drop(frame);
                moved = true;
            }
        }

        return moved;
    }

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        int? victim = null;
        long most = long.MinValue;
        long unit = totalPages / 1000;
        foreach (OomCandidate c in candidates)
        {
            if (c.OomScoreAdj == -1000)
            {
                continue;
            }

            long badness = c.ResidentPages + c.SwapEntries + c.PageTablePages + c.OomScoreAdj * unit;
            if (badness >= most)
            {
                most = badness;
                victim = c.Pid;
            }
        }

        return victim;
    }
}
