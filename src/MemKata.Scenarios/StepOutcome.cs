namespace MemKata.Scenarios;

/// <summary>What one step did.</summary>
/// <param name="Index">1 for the first step.</param>
/// <param name="Position">Where the step is in the scenario file.</param>
/// <param name="Process">The acting process ("" for sleep).</param>
/// <param name="Action">The step as a call, e.g. <c>p = malloc(1 B)</c>.</param>
/// <param name="Kind">What came of it.</param>
/// <param name="Detail">The rest of the outcome: an address, a number of pages, a kill's reason, glibc's message...</param>
/// <param name="MinorFaults">Minor faults the process took during the step.</param>
/// <param name="MajorFaults">Major faults the process took during the step.</param>
public sealed record StepOutcome(
    int Index, SourcePosition Position, string Process, string Action, StepOutcomeKind Kind, string Detail, long MinorFaults, long MajorFaults)
{
    /// <summary>The sequence number of the machine's last event before the step began: the step's own events are
    /// numbered from this + 1 to <see cref="LastEvent"/>.</summary>
    public long EventsBefore { get; init; }

    /// <summary>The sequence number of the machine's last event when the step ended.</summary>
    public long LastEvent { get; init; }

    /// <summary>True when the process died during this step (OOM kill, SIGSEGV or abort).</summary>
    public bool IsDeath => Kind is StepOutcomeKind.Killed or StepOutcomeKind.SegmentationFault or StepOutcomeKind.BusError or StepOutcomeKind.Aborted;

    /// <summary>The outcome as the reports write it: <c>0x5555555592a0</c>, <c>NULL (failed)</c>, <c>killed: ...</c>,
    /// <c>SIGSEGV: ...</c>, <c>abort: ...</c>, <c>skipped: ...</c>, or the detail as it is.</summary>
    public string Result => Kind switch
    {
        StepOutcomeKind.Null => Detail.Length == 0 ? "NULL (failed)" : $"NULL (failed: {Detail})",
        StepOutcomeKind.Killed => "killed: " + Detail,
        StepOutcomeKind.SegmentationFault => "SIGSEGV: " + Detail,
        StepOutcomeKind.BusError => "SIGBUS: " + Detail,
        StepOutcomeKind.Aborted => "abort: " + Detail,
        StepOutcomeKind.Skipped => "skipped: " + Detail,
        StepOutcomeKind.TooMuchWork => "not run: " + Detail,
        _ => Detail,
    };
}
