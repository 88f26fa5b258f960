using System.Runtime.CompilerServices;
using MemKata.Contracts.Kernel;

namespace MemKata.Graders.Shared;

/// <summary>
/// The learner's reclaim policy as the hidden suite and the simulated kernel see it: every call goes through
/// <see cref="LearnerCall"/>. Neither member declares an exception, so anything they throw fails the test, among them
/// the kernel's complaints about a misused <see cref="IReclaimContext"/> action (dropping a dirty page). The candidates
/// are handed over as a read-only copy, so the policy cannot reorder the caller's list. Equality, hashing and text are
/// the wrapper's own.
/// </summary>
internal sealed class GuardedReclaimPolicy(IReclaimPolicy learner) : IReclaimPolicy
{
    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request) =>
        LearnerCall.Run(nameof(Reclaim), () => learner.Reclaim(context, request), () => $"{request.Mode}, {request.PagesWanted} pages wanted");

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages)
    {
        var copy = candidates is null ? null : Array.AsReadOnly(candidates.ToArray());
        return LearnerCall.Run(
            nameof(ChooseOomVictim),
            () => learner.ChooseOomVictim(copy!, totalPages),
            () => $"{copy?.Count ?? 0} candidates, totalPages {totalPages}");
    }

    /// <inheritdoc/>
    public override string ToString() => "your ReclaimPolicy";

    /// <inheritdoc/>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc/>
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
}
