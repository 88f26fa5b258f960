using MemKata.Contracts.Kernel;
using MemKata.Engine.Reference;

/// <summary>Attack: delegate both decisions to the engine's reference policy, named in source.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    private readonly ReferenceReclaimPolicy _reference = new();

    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request) => _reference.Reclaim(context, request);

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) =>
        _reference.ChooseOomVictim(candidates, totalPages);
}
