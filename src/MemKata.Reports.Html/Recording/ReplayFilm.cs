using MemKata.Engine.Memory;
using MemKata.Engine.Traces;

namespace MemKata.Reports.Html.Recording;

/// <summary>One operation of a replay as the heap picture draws it: the replayer's record and, when the allocator is
/// glibc's, the heap's chunks right after it.</summary>
/// <param name="Step">The replayer's record of the operation.</param>
/// <param name="Heap">The heap's chunks after it (empty for an allocator that cannot be walked).</param>
public sealed record ReplayFrame(ReplayStep Step, IReadOnlyList<HeapBox> Heap);

/// <summary>
/// A replay with the heap after the operations the report draws, chosen by <see cref="HeapFrameSampler"/> (all of a
/// short trace; of a long one, some spread evenly and those that made a system call), so that a long trace stays a
/// readable page.
/// </summary>
/// <param name="Source">The trace's name.</param>
/// <param name="InitialBreak">The break before the first operation.</param>
/// <param name="Frames">The operations drawn, in order.</param>
/// <param name="Summary">The replayer's summary.</param>
/// <param name="Crash">How the process died, or null.</param>
public sealed record ReplayFilm(string Source, ulong InitialBreak, IReadOnlyList<ReplayFrame> Frames, ReplaySummary Summary, ReplayCrash? Crash)
{
    /// <summary>Operations drawn when they are spread evenly over a long trace.</summary>
    public const int MaxFrames = HeapFrameSampler.MaxFrames;

    /// <summary>Replays all of <paramref name="replayer"/>'s trace (it should record system calls) and keeps the frames
    /// to draw.</summary>
    public static ReplayFilm Record(TraceReplayer replayer)
    {
        ArgumentNullException.ThrowIfNull(replayer);
        var sampler = new HeapFrameSampler(replayer.TotalOperations);
        var frames = new List<ReplayFrame>();
        ReplayStep? last = null;
        while (replayer.TryStep(out var step))
        {
            last = step;
            if (sampler.Wants(step))
            {
                frames.Add(new ReplayFrame(step, HeapOf(replayer)));
            }
        }

        if (last is { } final && sampler.WantsLast(final.Index))
        {
            frames.Add(new ReplayFrame(final, HeapOf(replayer)));
        }

        return new ReplayFilm(replayer.Source, replayer.InitialBreak, frames, replayer.Summarize(), replayer.Crash);
    }

    /// <summary>The boxes of a heap picture taken where the allocator is not glibc's (a learner's, in the grading
    /// worker): its chunks as their size words describe them (<see cref="HeapView"/>).</summary>
    public static IReadOnlyList<HeapBox> HeapOf(HeapView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return [.. view.Chunks.Select(HeapBox.Of)];
    }

    private static IReadOnlyList<HeapBox> HeapOf(TraceReplayer replayer)
    {
        IReadOnlyList<Mapping> mappings = replayer.Memory.Mappings;
        return ProcessSnapshot.HeapOf(replayer.Allocator, mappings);
    }
}
