using MemKata.Contracts.Kernel;

/// <summary>Attack: no computation, only position: the first eligible candidate is the victim, hoping the hidden lists
/// put the right one first (or last: every other call picks the last). Reclaim is the stub's.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    private int _calls;

    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request) =>
        throw new NotImplementedException("Task 1: implement Reclaim");

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var eligible = candidates.Where(c => c.OomScoreAdj != -1000).ToList();
        if (eligible.Count == 0)
        {
            return null;
        }

        return _calls++ % 2 == 0 ? eligible[0].Pid : eligible[^1].Pid;
    }
}
