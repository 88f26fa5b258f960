using MemKata.Engine.Memory;
using MemKata.Engine.Traces;

namespace MemKata.Reports.Html.Recording;

/// <summary>One operation of a replay as the heap picture draws it: the replayer's record and, when the allocator is
/// glibc's, the heap's chunks right after it.</summary>
/// <param name="Step">The replayer's record of the operation.</param>
/// <param name="Heap">The heap's chunks after it (empty for an allocator that cannot be walked).</param>
public sealed record ReplayFrame(ReplayStep Step, IReadOnlyList<HeapBox> Heap);

/// <summary>
/// A replay with the heap after the operations the report draws: every operation while a trace is short, else
/// <see cref="MaxFrames"/> spread evenly plus every operation that made a system call (up to twice as many in all), so
/// that a long trace stays a readable page.
/// </summary>
/// <param name="Source">The trace's name.</param>
/// <param name="InitialBreak">The break before the first operation.</param>
/// <param name="Frames">The operations drawn, in order.</param>
/// <param name="Summary">The replayer's summary.</param>
/// <param name="Crash">How the process died, or null.</param>
public sealed record ReplayFilm(string Source, ulong InitialBreak, IReadOnlyList<ReplayFrame> Frames, ReplaySummary Summary, ReplayCrash? Crash)
{
    /// <summary>Operations drawn when they are spread evenly over a long trace.</summary>
    public const int MaxFrames = 120;

    /// <summary>Replays all of <paramref name="replayer"/>'s trace (it should record system calls) and keeps the frames
    /// to draw.</summary>
    public static ReplayFilm Record(TraceReplayer replayer)
    {
        ArgumentNullException.ThrowIfNull(replayer);
        var stride = Math.Max(1, (replayer.TotalOperations + MaxFrames - 1) / MaxFrames);
        var frames = new List<ReplayFrame>();
        ReplayStep? last = null;
        var lastKept = -1;
        while (replayer.TryStep(out var step))
        {
            last = step;
            var wanted = step.Index % stride == 0 || (step.Syscalls.Count > 0 && frames.Count < 2 * MaxFrames);
            if (wanted)
            {
                frames.Add(new ReplayFrame(step, HeapOf(replayer)));
                lastKept = step.Index;
            }
        }

        if (last is { } final && final.Index != lastKept)
        {
            frames.Add(new ReplayFrame(final, HeapOf(replayer)));
        }

        return new ReplayFilm(replayer.Source, replayer.InitialBreak, frames, replayer.Summarize(), replayer.Crash);
    }

    private static IReadOnlyList<HeapBox> HeapOf(TraceReplayer replayer)
    {
        IReadOnlyList<Mapping> mappings = replayer.Memory.Mappings;
        return ProcessSnapshot.HeapOf(replayer.Allocator, mappings);
    }
}
