using System.Text.Json;
using System.Text.Json.Nodes;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Similarity;

namespace MemKata.Grading.Reports;

/// <summary>
/// Gradescope's autograder <c>results.json</c>: <c>score</c>, <c>max_score</c>, <c>execution_time</c>, <c>output</c>
/// (the summary: tasks attempted, compile errors, notes) and <c>tests</c>, one per hidden test with <c>name</c>,
/// <c>number</c> (task.test), <c>score</c>, <c>max_score</c>, <c>status</c> (passed/failed), <c>output</c> (why it
/// failed, unless <c>grader.json</c>'s <c>gradescope.hideFailureDetails</c> hides it) and <c>visibility</c> (from
/// <c>grader.json</c>'s <c>gradescope</c> block: <see cref="Visibility"/>), in task order, and <c>leaderboard</c>, the
/// grade's columns (empty when the grader measures none). When nothing ran, a single "Compilation" (or "Checks", "Grader") test carries the
/// reason and the whole max score, so Gradescope still shows the right total. Bonus points are added to
/// <c>score</c> (Gradescope shows a score above the maximum as extra credit); report tests are worth 0 and carry their
/// measurements in <c>output</c>. The similarity check (docs/GRADING.md, "Similarity") is one more test, worth 0, with
/// <c>visibility</c> <c>hidden</c> (Gradescope never shows it to the learner), failed when flagged so that it stands
/// out to the instructor; its text is in no other field.
/// </summary>
public static class GradescopeReport
{
    /// <summary>The name of the hidden similarity test.</summary>
    public const string SimilarityTestName = "Similarity (instructors only)";

    /// <summary>A failed test's output when <see cref="GradescopeSettings.HideFailureDetails"/> is set.</summary>
    public const string HiddenDetails = "Failed. Your instructor keeps the details of this test hidden.";

    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    /// <summary>The visibility of <paramref name="test"/> under <paramref name="settings"/>: by its name (full test
    /// name, or the method name before its arguments), by its task number or kind, the default, else <c>visible</c>.</summary>
    public static string Visibility(GradescopeSettings? settings, GradedTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (settings is null)
        {
            return "visible";
        }

        var method = test.Name.Split('(')[0];
        var kind = test.Kind switch
        {
            TestKind.Snapshot => "snapshots",
            TestKind.Report => "reports",
            _ => test.Task?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "untagged",
        };
        return settings.Tests?.GetValueOrDefault(test.Name)
            ?? settings.Tests?.GetValueOrDefault(method)
            ?? settings.Tasks?.GetValueOrDefault(kind)
            ?? settings.Visibility
            ?? "visible";
    }

    private static JsonObject Column(LeaderboardEntry entry)
    {
        var column = new JsonObject { ["name"] = entry.Name, ["value"] = entry.Value };
        if (entry.Order is { } order)
        {
            column["order"] = order;
        }

        return column;
    }

    /// <summary>Writes <paramref name="report"/> as Gradescope JSON.</summary>
    public static void Write(GradeReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var tests = new JsonArray();
        if (report.Outcome != GradeOutcome.Graded)
        {
            tests.Add(new JsonObject
            {
                ["name"] = report.Outcome switch
                {
                    GradeOutcome.CompileError => "Compilation",
                    GradeOutcome.Rejected => "Checks",
                    _ => "Grader",
                },
                ["score"] = 0,
                ["max_score"] = report.MaxScore,
                ["status"] = "failed",
                ["output"] = Feedback.WhyNotRun(report),
                ["visibility"] = "visible",
            });
        }

        var hide = report.Gradescope?.HideFailureDetails == true;
        var perTask = new Dictionary<int, int>();
        foreach (var test in report.Tests)
        {
            var task = test.Task ?? 0;
            perTask[task] = perTask.GetValueOrDefault(task) + 1;
            tests.Add(new JsonObject
            {
                ["name"] = Feedback.TestTitle(test),
                ["number"] = $"{task}.{perTask[task]}",
                ["score"] = test.Points,
                ["max_score"] = test.MaxPoints,
                ["status"] = test.IsFailure ? "failed" : "passed",
                ["output"] = hide && test.IsFailure ? HiddenDetails : Feedback.TestOutput(test),
                ["tags"] = new JsonArray(test.Kind switch
                {
                    TestKind.Snapshot => "snapshot",
                    TestKind.Report => "report",
                    _ => test.Task is { } n ? $"task {n}" : "untagged",
                }),
                ["visibility"] = Visibility(report.Gradescope, test),
            });
        }

        if (report.Similarity is { } similarity)
        {
            tests.Add(new JsonObject
            {
                ["name"] = SimilarityTestName,
                ["score"] = 0,
                ["max_score"] = 0,
                ["status"] = similarity.Flagged ? "failed" : "passed",
                ["output"] = SideBySide.Render(similarity, SimilarityOptions.Default.MaxRegions),
                ["output_format"] = "text",
                ["tags"] = new JsonArray("similarity"),
                ["visibility"] = "hidden",
            });
        }

        var root = new JsonObject
        {
            ["score"] = report.Score + report.Bonus,
            ["max_score"] = report.MaxScore,
            ["execution_time"] = Math.Round(report.Elapsed.TotalSeconds, 3),
            ["output"] = hide ? Feedback.Summary(report with { Tests = [.. report.Tests.Where(t => !t.IsFailure)] }) : Feedback.Summary(report),
            ["visibility"] = "visible",
            ["stdout_visibility"] = "hidden",
            ["tests"] = tests,
            ["leaderboard"] = new JsonArray([.. (report.Leaderboard ?? []).Select(Column)]),
        };
        writer.WriteLine(root.ToJsonString(_json));
    }
}
