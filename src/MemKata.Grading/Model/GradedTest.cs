namespace MemKata.Grading.Model;

/// <summary>One hidden test, run and scored.</summary>
/// <param name="FullName">NUnit's full name: the test's identity.</param>
/// <param name="Name">The short name a learner reads.</param>
/// <param name="Task">The task it checks, or null when the test is not tagged.</param>
/// <param name="Kind">What it counts for: its task, the snapshot checks, or nothing (a report).</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">Why it failed, in words a learner can act on (null when it passed).</param>
/// <param name="Output">What the test wrote to the console, if anything.</param>
/// <param name="DurationMs">How long it ran.</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points it is worth.</param>
public sealed record GradedTest(
    string FullName,
    string Name,
    int? Task,
    TestKind Kind,
    TestStatus Status,
    string? Message,
    string? Output,
    double DurationMs,
    double Points,
    double MaxPoints)
{
    /// <summary>A test of an optional task (<c>"optional": true</c> in <c>.meta/config.json</c>, or a bonus task in
    /// <c>grader.json</c>): not passing it is never shown as a failure, only as "not met (optional)".</summary>
    public bool Optional { get; init; }

    /// <summary>True when the test counts as a failure in every report: it did not pass, it is not a report (shown,
    /// not scored), and it is not an optional task's test worth no points.</summary>
    public bool IsFailure => Status != TestStatus.Passed && Kind != TestKind.Report && !(Optional && MaxPoints == 0);
}
