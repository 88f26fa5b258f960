using MemKata.Contracts.Kernel;

/// <summary>Attack: victims the membrane and the kernel might take: a pid that is no candidate, the pid of a process
/// that may never be killed (-1000), a negative pid, the kernel's own pid 0 and 1. Reclaim is the stub's.</summary>
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
        var exempt = candidates.FirstOrDefault(c => c.OomScoreAdj == -1000);
        return (_calls++ % 5) switch
        {
            0 => int.MaxValue,
            1 => exempt.Name is null ? -1 : exempt.Pid,
            2 => -1,
            3 => 0,
            _ => 1,
        };
    }
}
