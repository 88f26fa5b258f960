using MemKata.Engine.Kernel;

namespace MemKata.Reports.Html.Recording;

/// <summary>The machine between two steps: RAM frame by frame (aggregated on large machines), swap, free memory, the
/// counters, the event log's position and each process.</summary>
/// <param name="AfterStep">The step just finished (0: the processes have just started).</param>
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
    /// <summary>Takes the snapshot of <paramref name="machine"/> after step <paramref name="afterStep"/>; only reads.</summary>
    public static MachineSnapshot Of(Machine machine, int afterStep)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return new MachineSnapshot(afterStep, machine.Events.LastSequence, machine.Frames.FreeFrames, FrameCensus.Of(machine.Frames),
            machine.Swap.TotalSlots, machine.Swap.UsedSlots, VmCounters.Of(machine.VmStat), [.. machine.Processes.Select(ProcessSnapshot.Of)]);
    }
}
