using MemKata.Contracts.Kernel;

/// <summary>Attack: a do-nothing policy whose answers are all legal: Reclaim frees nothing (the kernel then falls
/// back to whatever it does when reclaim fails) and the OOM killer is told "no victim".</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request)
    {
    }

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) => null;
}
