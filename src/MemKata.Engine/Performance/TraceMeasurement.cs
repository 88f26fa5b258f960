using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;
using MemKata.Engine.Traces;

namespace MemKata.Engine.Performance;

/// <summary>
/// One allocator on one trace, measured as malloclab measures it, with simulated work for time: the utilization (the
/// peak payload, i.e. the most requested bytes live at once, over the peak footprint, i.e. the most memory obtained from
/// the kernel at once: the heap from its start to the break, plus every anonymous mapping) and the work the allocator
/// did (<see cref="WorkCounts"/>, weighted by <see cref="CostModel"/>). A trace the allocator could not finish (its
/// process died: an abort on detected heap corruption, a segmentation fault) or on which it refused a request (NULL for
/// a size up to <see cref="ServedRequest"/>) is marked as failed, with why.
/// </summary>
/// <param name="Source">The trace's name.</param>
/// <param name="PeakPayload">The most requested bytes live at once.</param>
/// <param name="PeakFootprint">The most heap plus mapped bytes at once.</param>
/// <param name="Work">What the allocator did.</param>
/// <param name="Failure">Why the trace failed, or null when it ran to its end.</param>
public sealed record TraceMeasurement(string Source, ulong PeakPayload, ulong PeakFootprint, WorkCounts Work, string? Failure)
{
    /// <summary>Requests up to this size (64 MiB) must be served: NULL for one of them fails the trace.</summary>
    public const ulong ServedRequest = 64UL << 20;

    /// <summary>Peak payload over peak footprint, 0 to 1 (0 when nothing was obtained, or the trace failed).</summary>
    public double Utilization => Failure is null && PeakFootprint > 0 ? (double)PeakPayload / PeakFootprint : 0;

    /// <summary>The weighted cost of <see cref="Work"/>.</summary>
    public long Cost => Work.Cost;

    /// <summary>Replays <paramref name="trace"/> with the allocator <paramref name="factory"/> builds (over a counting
    /// view of a fresh process's memory) and measures it. Exceptions other than the death of the process pass through.</summary>
    public static TraceMeasurement Measure(Trace trace, Func<IProcessMemory, IAllocator> factory)
    {
        var replay = new MeasuredReplay(trace, factory);
        while (replay.TryStep(out _))
        {
        }

        return replay.Measurement();
    }

    /// <summary>Memory obtained from the kernel now: the heap (initial break to break) plus the anonymous mappings.</summary>
    public static ulong Footprint(SimulatedProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var mapped = 0UL;
        foreach (var mapping in memory.Mappings)
        {
            if (mapping.Kind == VmaKind.Anonymous)
            {
                mapped += mapping.Length;
            }
        }

        return memory.ProgramBreak - memory.HeapStart + mapped;
    }
}
