namespace MemKata.Grading.Worker.Protocol;

/// <summary>Why the learner's scenario run ended before the scenario did: their component threw.</summary>
/// <param name="StepIndex">The step that was running (0: the processes were being started, or the component was
/// being built).</param>
/// <param name="LastEvent">The number of the last kernel event logged before the exception.</param>
/// <param name="Exception">The exception's type name, e.g. <c>NotImplementedException</c>.</param>
/// <param name="Message">Its message, on one line and cut to a few KiB.</param>
/// <param name="Source">The innermost frame of the learner's code, <c>FaultHandler.HandleFault, FaultHandler.cs:15</c>,
/// if known.</param>
/// <param name="InConstructor">True when the component's constructor threw, so there is no run to show.</param>
public sealed record ScenarioStop(int StepIndex, long LastEvent, string Exception, string Message, string? Source, bool InConstructor);
