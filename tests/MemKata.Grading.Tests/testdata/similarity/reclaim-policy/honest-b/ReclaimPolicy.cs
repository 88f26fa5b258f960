using MemKata.Contracts.Kernel;

// Page reclaim, a second-chance clock over the two inactive lists, with the OOM pick at the bottom.
public sealed class ReclaimPolicy : IReclaimPolicy
{
    public ReclaimPolicy()
    {
    }

    public void Reclaim(IReclaimContext ctx, ReclaimRequest req)
    {
        var stopAt = ctx.FreePages + req.PagesWanted;
        var idleTurns = 0;
        while (ctx.FreePages < stopAt && idleTurns < 4)
        {
            var freedBefore = ctx.FreePages;
            Refill(ctx, LruList.ActiveFile, LruList.InactiveFile);
            if (ctx.FreeSwapSlots > 0)
            {
                Refill(ctx, LruList.ActiveAnon, LruList.InactiveAnon);
            }

            var (anonTurn, fileTurn) = Split(ctx, stopAt - ctx.FreePages);
            for (var n = 0; n < Math.Max(anonTurn, fileTurn) && ctx.FreePages < stopAt; n++)
            {
                var a = n < anonTurn && Step(ctx, LruList.InactiveAnon);
                var f = n < fileTurn && ctx.FreePages < stopAt && Step(ctx, LruList.InactiveFile);
                if (!a && !f && n >= Math.Min(anonTurn, fileTurn))
                {
                    break;
                }
            }

            idleTurns = ctx.FreePages == freedBefore ? idleTurns + 1 : 0;
        }
    }

    // How many anonymous and file pages to look at this turn.
    private static (long Anon, long File) Split(IReclaimContext ctx, long need)
    {
        var turn = Math.Max(need * 2, 64);
        var files = ctx.Count(LruList.InactiveFile) + ctx.Count(LruList.ActiveFile);
        if (ctx.FreeSwapSlots <= 0)
        {
            return (0, turn);
        }

        if (files < need)
        {
            return (turn, 0);
        }

        var anon = turn * ctx.Swappiness / 200;
        return (anon, turn - anon);
    }

    // Moves pages from the active tail to the inactive list while the inactive list is the shorter one.
    private static void Refill(IReclaimContext ctx, LruList from, LruList to)
    {
        while (ctx.Count(to) < ctx.Count(from))
        {
            if (ctx.ScanTail(from) is not { } page)
            {
                return;
            }

            _ = ctx.TestAndClearReferenced(page);
            ctx.Deactivate(page);
        }
    }

    // Looks at one page of an inactive list; true when a frame was freed or the page moved on.
    private static bool Step(IReclaimContext ctx, LruList list)
    {
        if (ctx.ScanTail(list) is not { } page)
        {
            return false;
        }

        if (ctx.TestAndClearReferenced(page))
        {
            ctx.Activate(page);
            return true;
        }

        var state = ctx.Inspect(page);
        if (!state.IsAnonymous)
        {
            if (state.Dirty)
            {
                ctx.Writeback(page);
            }

            ctx.Drop(page);
            return true;
        }

        if (!ctx.SwapOut(page))
        {
            ctx.Activate(page);
            return false;
        }

        return true;
    }

    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages)
    {
        var perMille = totalPages / 1000;
        return candidates
            .Where(c => c.OomScoreAdj != -1000)
            .Select((c, i) => (c.Pid, Points: c.ResidentPages + c.SwapEntries + c.PageTablePages + (c.OomScoreAdj * perMille), i))
            .OrderByDescending(x => x.Points)
            .ThenByDescending(x => x.i)
            .Select(x => (int?)x.Pid)
            .FirstOrDefault();
    }
}
