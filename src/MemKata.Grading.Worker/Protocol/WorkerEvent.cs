using MemKata.Engine.Traces;
using MemKata.Scenarios.Comparing;
using MemKata.Scenarios.Views;

namespace MemKata.Grading.Worker.Protocol;

/// <summary>One line of the worker's result stream: <c>NONCE {json}</c>. <see cref="Kind"/> says which fields are set.</summary>
/// <param name="Kind">One of the <see cref="WorkerEventKinds"/>.</param>
/// <param name="Tests">For <see cref="WorkerEventKinds.Discovered"/>: every test the suite holds, in run order.</param>
/// <param name="FullName">For <see cref="WorkerEventKinds.Started"/> and <see cref="WorkerEventKinds.Finished"/>: the
/// test's NUnit full name.</param>
/// <param name="Status">For <see cref="WorkerEventKinds.Finished"/>: NUnit's status (Passed, Failed, Skipped,
/// Inconclusive) and, after a colon, its label when it has one (<c>Failed:Error</c>).</param>
/// <param name="Message">For a finished test, NUnit's message; for <see cref="WorkerEventKinds.Error"/>, what went
/// wrong.</param>
/// <param name="StackTrace">For a failed test, the stack trace NUnit recorded (the grader keeps only the learner's
/// frames).</param>
/// <param name="Output">What the test wrote (its own report, then the learner code's console output), cut to a few
/// kilobytes; shown, never parsed.</param>
/// <param name="DurationMs">How long the test ran, in milliseconds.</param>
/// <param name="Snapshots">For a finished test of a record job: the snapshots it recorded.</param>
/// <param name="Compiled">For <see cref="WorkerEventKinds.Compiled"/>: the result of one compile job.</param>
/// <param name="Step">For <see cref="WorkerEventKinds.Step"/>: the scenario step about to run (0: starting).</param>
/// <param name="Line">For <see cref="WorkerEventKinds.Line"/>: one line of a scenario run's transcript.</param>
/// <param name="Stop">For <see cref="WorkerEventKinds.Done"/> of a scenario job: why the run stopped early, or null.</param>
/// <param name="Operation">For <see cref="WorkerEventKinds.Operation"/>: what one replayed operation did.</param>
/// <param name="Heap">For <see cref="WorkerEventKinds.Heap"/>: the heap after the operation a replay job was asked
/// about.</param>
/// <param name="Replay">For <see cref="WorkerEventKinds.Done"/> of a replay job: how it ended.</param>
/// <param name="View">For <see cref="WorkerEventKinds.View"/>: the learner's machine after a step.</param>
public sealed record WorkerEvent(
    string Kind,
    IReadOnlyList<DiscoveredTest>? Tests = null,
    string? FullName = null,
    string? Status = null,
    string? Message = null,
    string? StackTrace = null,
    string? Output = null,
    double DurationMs = 0,
    IReadOnlyList<RecordedSnapshot>? Snapshots = null,
    CompileResult? Compiled = null,
    int? Step = null,
    TranscriptLine? Line = null,
    ScenarioStop? Stop = null,
    ReplayStep? Operation = null,
    HeapView? Heap = null,
    ReplayEnd? Replay = null,
    MachineView? View = null);

/// <summary>A test the worker found in the suite, before running anything.</summary>
/// <param name="FullName">NUnit's full name (namespace, class, method and arguments): the test's identity.</param>
/// <param name="Name">The short name a learner reads (method and arguments).</param>
/// <param name="Task">The task number from <c>[Task(n)]</c> on the test or its fixture, or null when untagged.</param>
/// <param name="Categories">Its NUnit categories and those of its fixtures (<c>Snapshot</c>, <c>Report</c>...).</param>
public sealed record DiscoveredTest(string FullName, string Name, int? Task, IReadOnlyList<string> Categories);

/// <summary>The values of <see cref="WorkerEvent.Kind"/>.</summary>
public static class WorkerEventKinds
{
    /// <summary>The suite was loaded; <see cref="WorkerEvent.Tests"/> lists its tests. Sent once, first.</summary>
    public const string Discovered = "discovered";

    /// <summary>A test began: if the process dies now, this test is the one that brought it down.</summary>
    public const string Started = "started";

    /// <summary>A test ended, whatever its result.</summary>
    public const string Finished = "finished";

    /// <summary>The run reached its end. Sent once, last.</summary>
    public const string Done = "done";

    /// <summary>The worker could not run the suite at all (e.g. the assembly would not load), or a compile job failed
    /// for a reason that is not the learner's code.</summary>
    public const string Error = "error";

    /// <summary>A compile session has read its setup and warmed up: its jobs are timed from now.</summary>
    public const string Ready = "ready";

    /// <summary>A compile job ended; <see cref="WorkerEvent.Compiled"/> says how.</summary>
    public const string Compiled = "compiled";

    /// <summary>A scenario step is about to run (<see cref="WorkerEvent.Step"/>): if the run never ends, this step is
    /// where it was.</summary>
    public const string Step = "step";

    /// <summary>One line of a scenario run's transcript (<see cref="WorkerEvent.Line"/>).</summary>
    public const string Line = "line";

    /// <summary>A replayed operation completed (<see cref="WorkerEvent.Operation"/>): if the process dies now, the next
    /// operation is the one that brought it down.</summary>
    public const string Operation = "operation";

    /// <summary>The heap's picture a replay job was asked for (<see cref="WorkerEvent.Heap"/>).</summary>
    public const string Heap = "heap";

    /// <summary>A scenario job's view of the learner's machine after a step (<see cref="WorkerEvent.View"/>), sent
    /// after the transcript.</summary>
    public const string View = "view";
}
