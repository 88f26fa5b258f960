using MemKata.Grading.Model;

namespace MemKata.Grading;

/// <summary>How to grade.</summary>
/// <param name="Limits">Time and memory limits of the test process (a grader's <c>grader.json</c> may override them).</param>
/// <param name="RunAnalyzers">Whether the allowlist's two static layers check the learner's code: the MemKata analyzers
/// in the compile job, and the image check of the compiled assembly in the grader (a blocking finding of either rejects
/// the submission).</param>
/// <param name="UseSandbox">Whether workers run in the OS sandbox when the machine has one (<see cref="Sandbox.SandboxProbe"/>);
/// false runs them as plain child processes (the tests use it to prove that fallback).</param>
/// <param name="CheckImage">Whether the image check reads the compiled learner assembly; null (the default) follows
/// <paramref name="RunAnalyzers"/>. The adversarial corpus's tests set it alone, to prove that the image check stops on
/// its own what the analyzers stop.</param>
public sealed record GradingOptions(GradingLimits Limits, bool RunAnalyzers = true, bool UseSandbox = true, bool? CheckImage = null)
{
    /// <summary>Default limits, the analyzers, the sandbox.</summary>
    public static GradingOptions Default { get; } = new(GradingLimits.Default);

    /// <summary>Default limits, no analyzers and no image check: only the sandbox and the process layer stand between the
    /// submission and the grader (the grading tests use it to prove those layers on their own).</summary>
    public static GradingOptions SandboxOnly { get; } = new(GradingLimits.Default, RunAnalyzers: false);

    /// <summary>Default limits, no analyzers, but the image check: the second static layer on its own.</summary>
    public static GradingOptions ImageCheckOnly { get; } = new(GradingLimits.Default, RunAnalyzers: false, CheckImage: true);
}
