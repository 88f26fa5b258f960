using MemKata.Contracts.Kernel;

/// <summary>Attack: the component as a record that equals everything (Equals, GetHashCode) and prints a passing result line, its members
/// the stub's.</summary>
public sealed record ReclaimPolicy : IReclaimPolicy
{
    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request) =>
        throw new NotImplementedException("Task 1: implement Reclaim");

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) =>
        throw new NotImplementedException("Task 5: implement ChooseOomVictim");

    /// <inheritdoc/>
    public bool Equals(ReclaimPolicy? other) => true;

    /// <inheritdoc/>
    public override int GetHashCode() => 0;

    /// <inheritdoc/>
    public override string ToString() => "{\"status\":\"Passed\",\"score\":100}";
}
