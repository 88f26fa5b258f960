using MemKata.Grading.Model;
using MemKata.Grading.Steps;

namespace MemKata.Grading;

/// <summary>How to grade.</summary>
/// <param name="Limits">Time and memory limits of the test process (a grader's <c>grader.json</c> may override them).</param>
/// <param name="PreflightChecks">Static checks run on the learner's code before it runs (the analyzers' hook).</param>
/// <param name="UpdateSnapshots">Run with <c>MEMKATA_UPDATE_SNAPSHOTS=1</c> and Snapshooter's strict mode off, so
/// snapshot checks write their snapshots (only for the reference solution: <c>memkata snapshots update</c>).</param>
public sealed record GradingOptions(GradingLimits Limits, IReadOnlyList<IPreflightCheck> PreflightChecks, bool UpdateSnapshots = false)
{
    /// <summary>Default limits, no preflight checks, snapshots compared.</summary>
    public static GradingOptions Default { get; } = new(GradingLimits.Default, []);
}
