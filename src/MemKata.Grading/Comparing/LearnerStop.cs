namespace MemKata.Grading.Comparing;

/// <summary>Why the learner's run did not reach the end of the scenario: their component threw, or the run did not end
/// within the time limit.</summary>
/// <param name="StepIndex">The step that was running (0: the processes were being started).</param>
/// <param name="Where">That step, as the learner reads it (<c>step 3 (line 14) app: write p</c>).</param>
/// <param name="LastEvent">The number of the last event logged before the stop (0 for a time-out: the log of a run
/// that is still going cannot be read safely).</param>
/// <param name="What">What happened: <c>FaultHandler threw NotImplementedException: ...</c>, or the time-out.</param>
/// <param name="Source">Where in the learner's code it was thrown (<c>FaultHandler.HandleFault, FaultHandler.cs:15</c>),
/// if known.</param>
/// <param name="Task">The task a stub's message names (<c>Task 1: ...</c>), if any.</param>
/// <param name="TaskTitle">That task's title in <c>.meta/config.json</c>, if known.</param>
/// <param name="TimedOut">True when the run did not end in time.</param>
public sealed record LearnerStop(
    int StepIndex, string Where, long LastEvent, string What, string? Source, int? Task, string? TaskTitle, bool TimedOut);
