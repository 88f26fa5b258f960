using MemKata.Scenarios.Wording;

namespace MemKata.Scenarios;

/// <summary>What one step did.</summary>
/// <param name="Index">1 for the first step.</param>
/// <param name="Position">Where the step is in the scenario file.</param>
/// <param name="Process">The acting process ("" for sleep).</param>
/// <param name="Action">The step as a call, e.g. <c>p = malloc(1 B)</c>.</param>
/// <param name="Kind">What came of it.</param>
/// <param name="Said">The rest of the outcome: an address, a number of pages, a kill's reason, glibc's message..., as a
/// phrase a report can say in its language (<see cref="Detail"/> is its English).</param>
/// <param name="MinorFaults">Minor faults the process took during the step.</param>
/// <param name="MajorFaults">Major faults the process took during the step.</param>
public sealed record StepOutcome(
    int Index, SourcePosition Position, string Process, string Action, StepOutcomeKind Kind, Phrase Said, long MinorFaults, long MajorFaults)
{
    /// <summary>The sequence number of the machine's last event before the step began: the step's own events are
    /// numbered from this + 1 to <see cref="LastEvent"/>.</summary>
    public long EventsBefore { get; init; }

    /// <summary>The sequence number of the machine's last event when the step ended.</summary>
    public long LastEvent { get; init; }

    /// <summary>Frames on the free list when the step ended: what <c>scenario compare</c> checks beside the events, so
    /// that a handler that takes a frame where the reference takes none (a read of untouched memory) is seen.</summary>
    public long FreeFramesAfter { get; init; }

    /// <summary>The rest of the outcome in English (<see cref="Said"/>).</summary>
    public string Detail => Said.English;

    /// <summary>True when the process died during this step (OOM kill, SIGSEGV or abort).</summary>
    public bool IsDeath => Kind is StepOutcomeKind.Killed or StepOutcomeKind.SegmentationFault or StepOutcomeKind.BusError or StepOutcomeKind.Aborted;

    /// <summary>The outcome as the reports write it: <c>0x5555555592a0</c>, <c>NULL (failed)</c>, <c>killed: ...</c>,
    /// <c>SIGSEGV: ...</c>, <c>abort: ...</c>, <c>skipped: ...</c>, or the detail as it is.</summary>
    public string Result => ResultPhrase.English;

    /// <summary><see cref="Result"/> as a phrase a report can say in its language.</summary>
    public Phrase ResultPhrase => Kind switch
    {
        StepOutcomeKind.Null => Detail.Length == 0 ? Phrase.Of(PhraseKey.ResultNull) : Phrase.Of(PhraseKey.ResultNullBecause, Said),
        StepOutcomeKind.Killed => Phrase.Of(PhraseKey.ResultKilled, Said),
        StepOutcomeKind.SegmentationFault => Phrase.Of(PhraseKey.ResultSegmentationFault, Said),
        StepOutcomeKind.BusError => Phrase.Of(PhraseKey.ResultBusError, Said),
        StepOutcomeKind.Aborted => Phrase.Of(PhraseKey.ResultAborted, Said),
        StepOutcomeKind.Skipped => Phrase.Of(PhraseKey.ResultSkipped, Said),
        StepOutcomeKind.TooMuchWork => Phrase.Of(PhraseKey.ResultNotRun, Said),
        _ => Said,
    };
}
