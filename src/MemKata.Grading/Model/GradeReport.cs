namespace MemKata.Grading.Model;

/// <summary>Everything grading one submission found: what every report format is rendered from.</summary>
/// <param name="Slug">The exercise.</param>
/// <param name="SubmissionName">The submission's name (its folder's name).</param>
/// <param name="Outcome">How far grading got.</param>
/// <param name="Score">Points earned.</param>
/// <param name="MaxScore">Points available.</param>
/// <param name="Tasks">Per-task scores, by task number.</param>
/// <param name="Tests">Every hidden test, in run order.</param>
/// <param name="Problems">Compile errors, missing files and preflight findings.</param>
/// <param name="Notes">Other facts for the reader: the process crashed and was resumed, a manifest inconsistency.</param>
/// <param name="Elapsed">Wall-clock time of the whole grading, compile and run included.</param>
public sealed record GradeReport(
    string Slug,
    string SubmissionName,
    GradeOutcome Outcome,
    double Score,
    double MaxScore,
    IReadOnlyList<TaskScore> Tasks,
    IReadOnlyList<GradedTest> Tests,
    IReadOnlyList<SourceProblem> Problems,
    IReadOnlyList<string> Notes,
    TimeSpan Elapsed)
{
    /// <summary>Of <see cref="Elapsed"/>, the time spent collecting and compiling (the rest is running the tests in
    /// the child process and scoring).</summary>
    public TimeSpan CompileTime { get; init; }

    /// <summary>Tasks with at least one hidden test that did not meet the stub's <see cref="NotImplementedException"/>.</summary>
    public int TasksAttempted => Tasks.Count(t => t.Attempted);

    /// <summary>"3 of 5 tasks attempted", or null when nothing ran.</summary>
    public string? AttemptedLine => Outcome == GradeOutcome.Graded && Tasks.Count > 0
        ? $"{TasksAttempted} of {Tasks.Count} tasks attempted"
        : null;
}
