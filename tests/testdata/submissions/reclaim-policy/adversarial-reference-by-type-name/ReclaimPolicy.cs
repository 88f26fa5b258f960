using MemKata.Contracts.Kernel;

/// <summary>Attack: the reference policy by its name at run time (the engine is loaded in the worker), through
/// Activator.CreateInstance, with no engine token in the source.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    private readonly IReclaimPolicy? _reference =
        Activator.CreateInstance(Type.GetType("MemKata.Engine.Reference.Reference" + "ReclaimPolicy, MemKata.Engine")!) as IReclaimPolicy;

    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request) => _reference?.Reclaim(context, request);

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) =>
        _reference?.ChooseOomVictim(candidates, totalPages);
}
