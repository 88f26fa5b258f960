using MemKata.Contracts.Kernel;

/// <summary>Attack: both members throw an exception whose Message throws a NotImplementedException (hoping to read as
/// "not attempted", or to break whoever describes it), whose ToString throws, and whose inner exception is 10 MB of
/// text on one line.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    private static readonly string Huge = new('z', 10 * 1024 * 1024);

    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request) => throw new Treacherous(new InvalidOperationException(Huge));

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) => throw new Treacherous(null);

    private sealed class Treacherous(Exception? inner) : ArgumentException("ok", inner)
    {
        public override string Message => throw new NotImplementedException("Task 1: passed");

        public override string ToString() => new('w', 10 * 1024 * 1024);
    }
}
