using MemKata.Contracts.Kernel;

/// <summary>Attack: no forbidden API: Reclaim waits for free pages that never come; the OOM choice spins too.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        while (context.FreePages < long.MaxValue)
        {
        }
    }

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages)
    {
        var n = 0L;
        while (totalPages >= 0)
        {
            n++;
        }

        return (int)n;
    }
}
