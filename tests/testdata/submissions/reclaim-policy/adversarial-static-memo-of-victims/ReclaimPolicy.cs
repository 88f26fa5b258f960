using MemKata.Contracts.Kernel;

/// <summary>Attack: remember answers across policies, machines and tests in static state: an OOM candidate list seen
/// before (same pids and sizes) gets the victim chosen then, without computing. The first answer is computed honestly
/// (task 5), so the memo can only help if the suite reuses lists whose right answer changed. Reclaim is the stub's.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    private static readonly Dictionary<string, int?> Memo = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request) =>
        throw new NotImplementedException("Task 1: implement Reclaim");

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var key = string.Join(';', candidates.Select(c => $"{c.Pid}:{c.ResidentPages}:{c.SwapEntries}:{c.PageTablePages}"));
        if (Memo.TryGetValue(key, out var remembered))
        {
            return remembered;
        }

        int? victim = null;
        var best = 0L;
        foreach (var c in candidates.Where(c => c.OomScoreAdj != -1000))
        {
            var points = c.ResidentPages + c.SwapEntries + c.PageTablePages + (c.OomScoreAdj * (totalPages / 1000));
            if (victim is null || points >= best)
            {
                victim = c.Pid;
                best = points;
            }
        }

        Memo[key] = victim;
        return victim;
    }
}
