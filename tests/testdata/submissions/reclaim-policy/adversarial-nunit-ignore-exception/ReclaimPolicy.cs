using MemKata.Contracts.Kernel;
using NUnit.Framework;

/// <summary>Attack: end the tests that the stub would fail as ignored or inconclusive (not counted against the
/// learner, hoping the maximum shrinks): NUnit's IgnoreException and InconclusiveException from learner code.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request) => throw new IgnoreException("not today");

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) =>
        throw new InconclusiveException("cannot tell");
}
