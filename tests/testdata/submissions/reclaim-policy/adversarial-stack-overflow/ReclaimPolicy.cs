using MemKata.Contracts.Kernel;

/// <summary>Attack: no forbidden API: both members recurse until the stack overflows, ending the test process.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request) => Reclaim(context, request with { PagesWanted = request.PagesWanted + 1 });

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) => ChooseOomVictim(candidates, totalPages + 1);
}
