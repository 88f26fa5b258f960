using MemKata.Contracts.Kernel;

/// <summary>Attack: free frames without walking the lists: swap out or drop every frame number from 0 up, whether or
/// not the scan handed it over, swallowing the kernel's refusals, until enough is free. The OOM choice is the stub's.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.FreePages + request.PagesWanted;
        for (var n = 0; n < 1 << 16 && context.FreePages < target; n++)
        {
            var frame = new FrameNumber(n);
            try
            {
                if (!context.SwapOut(frame))
                {
                    context.Drop(frame);
                }
            }
            catch (InvalidOperationException)
            {
            }
            catch (ArgumentException)
            {
            }
        }
    }

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) =>
        throw new NotImplementedException("Task 5: implement ChooseOomVictim");
}
