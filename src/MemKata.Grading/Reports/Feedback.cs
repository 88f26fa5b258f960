using System.Globalization;
using MemKata.Grading.Model;

namespace MemKata.Grading.Reports;

/// <summary>The plain-text pieces every report shares: the headline, the summary for a submission that did not run, a
/// test's name with its task.</summary>
public static class Feedback
{
    /// <summary>The most causes of failure a summary lists.</summary>
    public const int MaxCauses = 10;

    /// <summary>A number of points as people write it: <c>6</c>, <c>6.5</c>, <c>1.33</c>.</summary>
    public static string Points(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"12/12 points".</summary>
    public static string Headline(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var bonus = report.Bonus > 0 ? $" + {Points(report.Bonus)} bonus" : "";
        return $"{Points(report.Score)}/{Points(report.MaxScore)} points{bonus}";
    }

    /// <summary>Why nothing ran (compile errors, a rejection, a grader failure), one line per problem; empty when the
    /// tests ran.</summary>
    public static string WhyNotRun(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lead = report.Outcome switch
        {
            GradeOutcome.CompileError => "Your code did not compile, so no test could run. Fix these and submit again:",
            GradeOutcome.Rejected => "Your code was not run: it uses something the exercise does not allow:",
            GradeOutcome.GraderError => "The grader could not run the tests (not a problem with your code):",
            GradeOutcome.Graded => null,
            _ => null,
        };
        if (lead is null)
        {
            return "";
        }

        var lines = report.Problems.Where(p => p.IsError).Select(p => "  " + p).Concat(report.Notes.Select(n => "  " + n));
        return $"{lead}\n{string.Join('\n', lines)}";
    }

    /// <summary>The summary for the top of a report: headline, tasks attempted, notes, then what did not pass grouped by
    /// cause (<see cref="FailureGroups"/>; at most <see cref="MaxCauses"/> causes, the rest counted).</summary>
    public static string Summary(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string> { $"{report.Slug}: {Headline(report)}" };
        if (report.AttemptedLine is { } attempted)
        {
            lines.Add(attempted);
        }

        var why = WhyNotRun(report);
        if (why.Length > 0)
        {
            lines.Add(why);
        }
        else
        {
            lines.AddRange(report.Notes);
        }

        lines.AddRange(report.Problems.Where(p => !p.IsError).Select(p => p.ToString()));
        var groups = FailureGroups.Of(report);
        if (groups.Count > 0)
        {
            lines.Add("");
            lines.Add("What did not pass:");
            lines.AddRange(groups.Take(MaxCauses).Select(g => "  " + g.Headline));
            if (groups.Count > MaxCauses)
            {
                lines.Add($"  ... and {groups.Count - MaxCauses} more causes (each test below says its own)");
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>"Task 2 · AddNegativeCountsDown", "Task 7 (optional) · ...", "Task 4 snapshot · ...", "Report · ...", or
    /// the name alone for an untagged test.</summary>
    public static string TestTitle(GradedTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return test.Kind switch
        {
            TestKind.Report => $"Report · {test.Name}",
            TestKind.Snapshot => $"Task {test.Task} snapshot · {test.Name}",
            _ when test.Optional => $"Task {test.Task} (optional) · {test.Name}",
            _ => test.Task is { } task ? $"Task {task} · {test.Name}" : test.Name,
        };
    }

    /// <summary>What to show for a test: its status and why it failed; for a report, its output (the measurements).</summary>
    public static string TestOutput(GradedTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (test.Kind == TestKind.Report)
        {
            return string.Join('\n', new[] { test.Output, test.Message }.Where(t => !string.IsNullOrWhiteSpace(t))).Trim();
        }

        if (test.Optional && test.Status != TestStatus.Passed)
        {
            var worth = test.MaxPoints == 0 ? "no points" : $"{Points(test.MaxPoints)} bonus points";
            return $"not met (optional task, {worth}): {test.Message ?? StatusWord(test.Status)}";
        }

        return test.Message is null ? StatusWord(test.Status) : $"{StatusWord(test.Status)}: {test.Message}";
    }

    /// <summary>A test's status in one word: passed, failed, not implemented, crashed, did not run, skipped.</summary>
    public static string StatusWord(TestStatus status) => status switch
    {
        TestStatus.Passed => "passed",
        TestStatus.Failed => "failed",
        TestStatus.NotImplemented => "not implemented",
        TestStatus.Crashed => "crashed",
        TestStatus.DidNotRun => "did not run",
        TestStatus.Skipped => "skipped",
        _ => status.ToString(),
    };
}
