using MemKata.Grading.Similarity;

namespace MemKata.Grading.Model;

/// <summary>Everything grading one submission found: what every report format is rendered from.</summary>
/// <param name="Slug">The exercise.</param>
/// <param name="SubmissionName">The submission's name (its folder's name).</param>
/// <param name="Outcome">How far grading got.</param>
/// <param name="Score">Points earned, bonus tasks left out (they are in <see cref="Bonus"/>).</param>
/// <param name="MaxScore">Points available: the weights of the tasks that are not bonus, plus the snapshot weight.</param>
/// <param name="Tasks">Per-task scores, by task number, bonus tasks included (marked).</param>
/// <param name="Tests">Every hidden test, in task order (the scorer's order: by task, its tests before its snapshot checks and
/// reports, untagged tests last, run order within).</param>
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
    /// <summary>The snapshot checks' score, or null when the grader has none.</summary>
    public TaskScore? Snapshots { get; init; }

    /// <summary>The submission against the exercise's reference (docs/GRADING.md, "Similarity"): for instructors only,
    /// never in what the learner sees, and no score depends on it. Null when not checked (a missing file, an exercise
    /// without a reference).</summary>
    public PairSimilarity? Similarity { get; init; }

    /// <summary>Leaderboard columns for Gradescope (the allocator's performance numbers), or null when the grader
    /// measures none; written as given.</summary>
    public IReadOnlyList<LeaderboardEntry>? Leaderboard { get; init; }

    /// <summary>Who sees which test when on Gradescope: the grader's <c>"gradescope"</c> settings, or null.</summary>
    public Layout.GradescopeSettings? Gradescope { get; init; }

    /// <summary>The performance index, 0 to 100, when the grader has one (<c>performance</c> in <c>grader.json</c>): the
    /// performance task's points over its weight. Machine-independent; also
    /// the <see cref="Leaderboard"/>'s column. Null otherwise.</summary>
    public double? PerformanceIndex { get; init; }

    /// <summary>Points earned on bonus tasks, on top of <see cref="Score"/>.</summary>
    public double Bonus => Tasks.Where(t => t.IsBonus).Sum(t => t.Points);

    /// <summary>Of <see cref="Elapsed"/>, the time spent collecting and compiling (the rest is running the tests in
    /// the child process and scoring).</summary>
    public TimeSpan CompileTime { get; init; }

    /// <summary>Where the time went, phase by phase, when the hidden tests ran; null otherwise.</summary>
    public GradeTimings? Timings { get; init; }

    /// <summary>Required (not bonus) tasks with a hidden test that did not meet the stub's
    /// <see cref="NotImplementedException"/>.</summary>
    public int TasksAttempted => Tasks.Count(t => t.Attempted && !t.IsBonus);

    /// <summary>"3 of 6 tasks attempted", plus the optional tasks attempted; null when nothing ran.</summary>
    public string? AttemptedLine
    {
        get
        {
            var required = Tasks.Count(t => !t.IsBonus);
            if (Outcome != GradeOutcome.Graded || required == 0)
            {
                return null;
            }

            var optional = Tasks.Where(t => t.IsBonus && t.Attempted).Select(t => t.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            return $"{TasksAttempted} of {required} tasks attempted" +
                (optional.Count == 0 ? "" : $", and optional task {string.Join(", ", optional)}");
        }
    }
}
