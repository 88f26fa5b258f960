using MemKata.Contracts.Kernel;

/// <summary>Attack: grader detection with allowed APIs only: the context's ToString (its type name) and the text of an
/// exception the kernel throws (Drop of a page that is not on a list), printed to show whether the channel works. When
/// it believes it is graded it frees nothing and names no victim; otherwise it throws as the stub does.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    private static string? _seen;

    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_seen is null)
        {
            _seen = context.ToString() ?? "";
            try
            {
                context.Drop(new FrameNumber(-1));
            }
            catch (Exception e)
            {
                _seen += " " + e.ToString().Replace('\n', ' ');
            }

            Console.WriteLine($"DETECTED: {_seen}");
        }

        if (!_seen.Contains("MemKata", StringComparison.Ordinal))
        {
            throw new NotImplementedException("Task 1: implement Reclaim");
        }
    }

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) => null;
}
