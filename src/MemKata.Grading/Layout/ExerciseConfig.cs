using System.Text.Json.Serialization;

namespace MemKata.Grading.Layout;

/// <summary>An exercise's manifest, <c>exercises/&lt;slug&gt;/.meta/config.json</c> (docs/EXERCISES.md).</summary>
/// <param name="Slug">The exercise's key, e.g. <c>allocator</c>.</param>
/// <param name="Title">The exercise's title.</param>
/// <param name="Files">Which files are the learner's, the public tests and the reference.</param>
/// <param name="Tasks">The numbered tasks of <c>.docs/instructions.md</c>.</param>
/// <param name="Component">The learner's component: the one type the hidden tests build by name.</param>
public sealed record ExerciseConfig(
    string Slug,
    string? Title,
    ExerciseFiles Files,
    IReadOnlyList<ExerciseTask>? Tasks,
    ExerciseComponent? Component = null);

/// <summary>The <c>component</c> entry of an exercise's manifest.</summary>
/// <param name="Type">The component's type name, e.g. <c>Allocator</c>.</param>
/// <param name="Interface">The contract it implements, e.g. <c>MemKata.Contracts.IAllocator</c>.</param>
public sealed record ExerciseComponent(string Type, string? Interface);

/// <summary>The <c>files</c> map of an exercise's manifest; paths are relative to the exercise folder.</summary>
/// <param name="Solution">The only files taken from a submission.</param>
/// <param name="Test">The public tests.</param>
/// <param name="Example">The reference solution, one file per solution file, in the same order.</param>
public sealed record ExerciseFiles(
    IReadOnlyList<string> Solution,
    IReadOnlyList<string>? Test,
    IReadOnlyList<string>? Example);

/// <summary>One numbered task of an exercise.</summary>
/// <param name="Number">The task's number (1-based), as in <c>[Task(n)]</c>.</param>
/// <param name="Title">The task's heading in the instructions.</param>
/// <param name="Optional">True for an optional (bonus) task.</param>
public sealed record ExerciseTask(int Number, string? Title, bool Optional = false);

/// <summary>A grader's manifest, <c>graders/&lt;slug&gt;/grader.json</c> (docs/EXERCISES.md).</summary>
/// <param name="Slug">The exercise it grades.</param>
/// <param name="Tasks">The weight of each task, shared equally among the hidden tests tagged with it.</param>
/// <param name="Snapshots">The weight of the snapshot checks and the task they belong to, if the grader has any.</param>
/// <param name="Reports">Which tests are reports (shown, not scored).</param>
/// <param name="Limits">Optional limits for this grader's runs, overriding the defaults.</param>
/// <param name="Performance">The task whose points are a performance index, if any (the Gradescope leaderboard shows it).</param>
public sealed record GraderManifest(
    string Slug,
    IReadOnlyList<TaskWeight> Tasks,
    SnapshotWeight? Snapshots,
    ReportTests? Reports,
    GraderLimits? Limits,
    PerformanceTask? Performance = null)
{
    /// <summary>The category of snapshot checks: <c>snapshots.category</c>, default <c>Snapshot</c>.</summary>
    public string SnapshotCategory => Snapshots?.Category ?? "Snapshot";

    /// <summary>The category of report tests: <c>reports.category</c>, default <c>Report</c>.</summary>
    public string ReportCategory => Reports?.Category ?? "Report";

    /// <summary>Who sees which test when on Gradescope (<c>"gradescope"</c>), or null: every test visible.</summary>
    public GradescopeSettings? Gradescope { get; init; }

    /// <summary>
    /// <c>"wholeTasks": true</c>: a task's weight is earned only when every hidden test tagged with it passes (a broken
    /// required rule costs its whole task, docs/GRADING.md "Scoring"); false (the default): shared among the tests that
    /// pass. The performance task (its tests are steps of one index) and the snapshot checks keep per-test credit.
    /// </summary>
    public bool WholeTasks { get; init; }
}

/// <summary>The points a task is worth.</summary>
/// <param name="Number">The task's number.</param>
/// <param name="Weight">Its points.</param>
/// <param name="Bonus">An optional task: its points come on top of the maximum.</param>
public sealed record TaskWeight(int Number, double Weight, bool Bonus = false);

/// <summary>The task whose score is a performance index (<c>performance</c> in <c>grader.json</c>): its tests are
/// steps of the index, so its points over its weight, times 100, are the index (docs/GRADING.md).</summary>
/// <param name="Task">The task's number.</param>
public sealed record PerformanceTask(int Task);

/// <summary>The points the snapshot checks (tests in category <see cref="Category"/>) are worth, shared equally among
/// them, and the task their feedback names.</summary>
/// <param name="Weight">Their points, on top of the task weights.</param>
/// <param name="Task">The task they belong to.</param>
/// <param name="Category">Their NUnit category; null means <c>Snapshot</c>.</param>
public sealed record SnapshotWeight(double Weight, int Task, string? Category = null);

/// <summary>Tests that measure and show, carrying no points (the allocator's utilization table).</summary>
/// <param name="Category">Their NUnit category; null means <c>Report</c>.</param>
public sealed record ReportTests(string? Category);

/// <summary>Optional per-grader limits in <c>grader.json</c> (<c>"limits": { "testSeconds": 5 }</c>).</summary>
/// <param name="TestSeconds">Longest a single test may run.</param>
/// <param name="RunSeconds">Longest the whole suite may run.</param>
/// <param name="MemoryMegabytes">Most memory the test process may use.</param>
public sealed record GraderLimits(
    [property: JsonPropertyName("testSeconds")] double? TestSeconds,
    [property: JsonPropertyName("runSeconds")] double? RunSeconds,
    [property: JsonPropertyName("memoryMegabytes")] int? MemoryMegabytes);
