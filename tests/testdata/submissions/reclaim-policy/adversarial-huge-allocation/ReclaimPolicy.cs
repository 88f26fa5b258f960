using MemKata.Contracts.Kernel;

/// <summary>Attack: no forbidden API: both members hoard 64 MiB arrays in static state until memory runs out, then
/// swallow the OutOfMemoryException (caught as Exception: the type itself is not on the allowlist) and answer "nothing to do" / "no victim".</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    private static readonly List<long[]> Hog = [];

    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request) => Grab();

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages)
    {
        Grab();
        return null;
    }

    private static void Grab()
    {
        try
        {
            while (true)
            {
                var block = new long[8 * 1024 * 1024];
                Array.Fill(block, 7L);
                Hog.Add(block);
            }
        }
        catch (Exception)
        {
        }
    }
}
