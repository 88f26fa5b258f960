using System.Text.Json;
using System.Text.Json.Nodes;
using MemKata.Grading.Model;

namespace MemKata.Grading.Reports;

/// <summary>
/// GitHub Classroom's autograding result: the JSON that its runner actions (autograding-command-grader and the like)
/// hand, base64-encoded, to the autograding-grading-reporter action through a <c>&lt;RUNNER&gt;_RESULTS</c> variable:
/// <c>{"version":1,"status":"pass|fail|error","max_score":N,"tests":[{"name","status","message","line_no",
/// "execution_time","score"}]}</c>. The reporter adds up the tests' <c>score</c>s, so partial credit reaches Classroom.
/// The reporter's own summary table scores a runner by the share of its tests with status <c>pass</c>, so an optional
/// task's tests worth no points pass (their message says "not met (optional)"), and a perfect submission reads 100%.
/// Points are rounded once, at the end (<see cref="ClassroomPoints"/>): the reporter's sum reads as the score.
/// Chosen because it is the format Classroom's own reporter reads: a workflow step writes it and passes
/// <c>base64 -w0</c> of it on (docs/GRADING.md shows the workflow).
/// </summary>
public static class ClassroomReport
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    /// <summary>Writes <paramref name="report"/> as a Classroom runner result.</summary>
    public static void Write(GradeReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var tests = new JsonArray();
        if (report.Outcome != GradeOutcome.Graded)
        {
            tests.Add(new JsonObject
            {
                ["name"] = "Compilation",
                ["status"] = "error",
                ["message"] = Feedback.WhyNotRun(report),
                ["line_no"] = 0,
                ["execution_time"] = "0s",
                ["score"] = 0,
            });
        }

        var (points, _) = ClassroomPoints.Share([.. report.Tests.Select(t => t.Points)]);
        for (var i = 0; i < report.Tests.Count; i++)
        {
            var test = report.Tests[i];
            tests.Add(new JsonObject
            {
                ["name"] = Feedback.TestTitle(test),
                ["status"] = test.Status switch
                {
                    _ when !test.IsFailure => "pass",
                    TestStatus.Crashed or TestStatus.DidNotRun => "error",
                    _ => "fail",
                },
                ["message"] = test.Kind == TestKind.Report || !test.IsFailure ? Feedback.TestOutput(test) : test.Message ?? "",
                ["line_no"] = 0,
                ["execution_time"] = $"{test.DurationMs / 1000:0.###}s",
                ["score"] = points[i],
            });
        }

        var status = report.Outcome != GradeOutcome.Graded ? "error"
            : report.Score >= report.MaxScore ? "pass"
            : "fail";
        var root = new JsonObject
        {
            ["version"] = 1,
            ["status"] = status,
            ["max_score"] = Math.Round(report.MaxScore, 2),
            ["tests"] = tests,
        };
        writer.WriteLine(root.ToJsonString(_json));
    }
}
