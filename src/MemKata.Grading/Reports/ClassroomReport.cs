using System.Text.Json;
using System.Text.Json.Nodes;
using MemKata.Grading.Model;

namespace MemKata.Grading.Reports;

/// <summary>
/// GitHub Classroom's autograding result: the JSON that its runner actions (autograding-command-grader and the like)
/// hand, base64-encoded, to the autograding-grading-reporter action through a <c>&lt;RUNNER&gt;_RESULTS</c> variable:
/// <c>{"version":1,"status":"pass|fail|error","max_score":N,"tests":[{"name","status","message","line_no",
/// "execution_time","score"}]}</c>. The reporter adds up the tests' <c>score</c>s, so partial credit reaches Classroom.
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

        foreach (var test in report.Tests)
        {
            tests.Add(new JsonObject
            {
                ["name"] = Feedback.TestTitle(test),
                ["status"] = test.Status switch
                {
                    _ when test.Kind == TestKind.Report => "pass",
                    TestStatus.Passed => "pass",
                    TestStatus.Crashed or TestStatus.DidNotRun => "error",
                    _ => "fail",
                },
                ["message"] = test.Kind == TestKind.Report ? Feedback.TestOutput(test) : test.Message ?? "",
                ["line_no"] = 0,
                ["execution_time"] = $"{test.DurationMs / 1000:0.###}s",
                ["score"] = test.Points,
            });
        }

        var status = report.Outcome != GradeOutcome.Graded ? "error"
            : report.Score >= report.MaxScore ? "pass"
            : "fail";
        var root = new JsonObject
        {
            ["version"] = 1,
            ["status"] = status,
            ["max_score"] = report.MaxScore,
            ["tests"] = tests,
        };
        writer.WriteLine(root.ToJsonString(_json));
    }
}
