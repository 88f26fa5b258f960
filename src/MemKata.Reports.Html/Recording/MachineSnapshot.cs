using MemKata.Engine.Kernel;

namespace MemKata.Reports.Html.Recording;

/// <summary>The machine at one moment (between two steps, or just before an OOM kill inside one): RAM frame by frame
/// (aggregated on large machines), swap, free memory, the counters, the event log's position and each process.</summary>
/// <param name="AfterStep">The step just finished (0: the processes have just started); for a
/// <see cref="SnapshotMoment.BeforeOomKill"/> snapshot, the step that was running.</param>
/// <param name="Sequence">The event log's last sequence number at that moment.</param>
/// <param name="FreePages">Frames on the free list.</param>
/// <param name="Ram">RAM, frame by frame.</param>
/// <param name="SwapSlots">Slots of swap.</param>
/// <param name="SwapUsed">Slots in use.</param>
/// <param name="Counters">The vmstat counters.</param>
/// <param name="Processes">Every process ever started, in pid order.</param>
public sealed record MachineSnapshot(
    int AfterStep,
    long Sequence,
    long FreePages,
    FrameCensus Ram,
    long SwapSlots,
    long SwapUsed,
    VmCounters Counters,
    IReadOnlyList<ProcessSnapshot> Processes)
{
    /// <summary>When it was taken (between steps unless said otherwise).</summary>
    public SnapshotMoment Moment { get; init; } = SnapshotMoment.AfterStep;

    /// <summary>Takes the snapshot of <paramref name="machine"/> after step <paramref name="afterStep"/>; only reads.</summary>
    public static MachineSnapshot Of(Machine machine, int afterStep)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return new MachineSnapshot(afterStep, machine.Events.LastSequence, machine.Frames.FreeFrames, FrameCensus.Of(machine.Frames),
            machine.Swap.TotalSlots, machine.Swap.UsedSlots, VmCounters.Of(machine.VmStat), [.. machine.Processes.Select(p => ProcessSnapshot.Of(p))]);
    }

    /// <summary>Takes the snapshot of <paramref name="machine"/> while step <paramref name="step"/> runs and the OOM killer
    /// is about to kill (see <see cref="OomKiller.Killing"/>). Heaps are not walked: the process may be inside malloc.</summary>
    public static MachineSnapshot BeforeOomKill(Machine machine, int step)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return new MachineSnapshot(step, machine.Events.LastSequence, machine.Frames.FreeFrames, FrameCensus.Of(machine.Frames),
            machine.Swap.TotalSlots, machine.Swap.UsedSlots, VmCounters.Of(machine.VmStat), [.. machine.Processes.Select(p => ProcessSnapshot.Of(p, walkHeap: false))])
        {
            Moment = SnapshotMoment.BeforeOomKill,
        };
    }
}
