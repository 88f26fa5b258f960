using System.Globalization;

namespace MemKata.Engine.Kernel;

/// <summary>One thing the kernel did, numbered in the order it happened. No wall-clock time: runs are reproducible.</summary>
/// <param name="Sequence">1 for the first event of the machine.</param>
/// <param name="Pid">The process concerned (0 for the kernel itself, e.g. kswapd).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Text">The details, written for a learner.</param>
/// <param name="FreePages">Frames on the free list when the event was logged (for a run of faults logged as one event:
/// after its last page), or -1 when the log was not told where to read them: the number the report's free-memory curve
/// is drawn from, so nothing has to read it back out of <paramref name="Text"/>.</param>
public sealed record KernelEvent(long Sequence, int Pid, KernelEventKind Kind, string Text, long FreePages = -1)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"#{Sequence} pid {Pid} {Kind}: {Text}");
}
