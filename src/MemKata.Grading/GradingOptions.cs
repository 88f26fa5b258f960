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
    /// <summary>Default limits, the analyzers as the preflight check, snapshots compared.</summary>
    public static GradingOptions Default { get; } = new(GradingLimits.Default, [new AnalyzerPreflightCheck()]);

    /// <summary>Default limits and no preflight check: only the process sandbox stands between the submission and the
    /// grader (the grading tests use it to prove the sandbox on its own).</summary>
    public static GradingOptions SandboxOnly { get; } = new(GradingLimits.Default, []);
}
