using MemKata.Contracts.Kernel;

/// <summary>Attack: take every page at the tail of the inactive lists and drop it, dirty or not, referenced or not;
/// when the kernel refuses (a dirty page, an anonymous page), swallow the exception, rotate the page and take the next, so that the
/// kernel's complaint never reaches the grader. The OOM choice is the stub's.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.FreePages + request.PagesWanted;
        foreach (var list in new[] { LruList.InactiveFile, LruList.InactiveAnon, LruList.ActiveFile, LruList.ActiveAnon })
        {
            for (var i = context.Count(list); i > 0 && context.FreePages < target && context.ScanTail(list) is { } frame; i--)
            {
                try
                {
                    context.Drop(frame);
                }
                catch (Exception)
                {
                    // The kernel said no: keep quiet about it, and look at the next page.
                    context.Rotate(frame);
                }
            }
        }
    }

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) =>
        throw new NotImplementedException("Task 5: implement ChooseOomVictim");
}
