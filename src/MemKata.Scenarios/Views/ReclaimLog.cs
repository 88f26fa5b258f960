using MemKata.Engine.Kernel;

namespace MemKata.Scenarios.Views;

/// <summary>
/// The reclaim passes of one step (<c>--show reclaim</c>): each with the LRU lists' sizes before and after and what
/// moved (<see cref="ReclaimPass"/>), at most <see cref="MaxPerStep"/> of them; the rest are counted.
/// </summary>
/// <param name="Passes">The passes kept, in order.</param>
/// <param name="LeftOut">How many passes of the step were not kept.</param>
public sealed record ReclaimLog(IReadOnlyList<ReclaimPass> Passes, long LeftOut)
{
    /// <summary>At most this many passes are kept per step (a direct reclaim can run hundreds of times in one).</summary>
    public const int MaxPerStep = 32;

    /// <summary>The log of <paramref name="passes"/> (a step's, in order): the first <see cref="MaxPerStep"/> kept, the
    /// rest counted.</summary>
    public static ReclaimLog Of(IReadOnlyList<ReclaimPass> passes)
    {
        ArgumentNullException.ThrowIfNull(passes);
        return new ReclaimLog([.. passes.Take(MaxPerStep)], Math.Max(0, passes.Count - MaxPerStep));
    }
}
