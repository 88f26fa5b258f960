using MemKata.Grading.Model;
using MemKata.Grading.Reports;
using MemKata.Grading.Similarity;
using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>The readable report of <c>memkata grade</c>: the score, a table of tasks (and snapshot checks), then the
/// tests that did not pass grouped by cause (FailureGroups: one entry per mistake, with the first test's whole message),
/// then an optional task's tests not met (never a failure), then the reports (measurements, not scored), then notes, then for instructors the similarity check against the reference.</summary>
internal static class GradeReportRenderer
{
    private const int MaxMessageLines = 12;

    /// <summary>Writes <paramref name="report"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, GradeReport report)
    {
        var color = report.Score >= report.MaxScore ? "green" : report.Score > 0 ? "yellow" : "red";
        console.MarkupLine(
            $"[bold]{Markup.Escape(report.Slug)}[/] · {Markup.Escape(report.SubmissionName)} · " +
            $"[bold {color}]{Feedback.Headline(report)}[/] [grey](graded in {report.Elapsed.TotalSeconds:0.0} s)[/]");
        if (report.AttemptedLine is { } attempted)
        {
            console.MarkupLine(Markup.Escape(attempted));
        }

        var why = Feedback.WhyNotRun(report);
        if (why.Length > 0)
        {
            console.WriteLine();
            console.MarkupLine($"[red]{Markup.Escape(why)}[/]");
            Advice(console, report);
            Similarity(console, report);
            return;
        }

        console.WriteLine();
        Tasks(console, report);
        Failures(console, report);
        OptionalNotMet(console, report);
        Reports(console, report);
        Advice(console, report);
        if (report.Notes.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Notes[/]");
            foreach (var note in report.Notes)
            {
                console.MarkupLine($"  {Markup.Escape(note)}");
            }
        }

        Similarity(console, report);
    }

    // The submission against the reference, last: this report is the instructor's (a learner sees Gradescope's tests or
    // the Classroom result, where it is hidden or absent). Regions side by side only when flagged.
    private static void Similarity(IAnsiConsole console, GradeReport report)
    {
        if (report.Similarity is not { } similarity)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine("[bold]Similarity (instructors only)[/] [grey](a reason to look, not a verdict: the score does not depend on it)[/]");
        var text = similarity.Flagged
            ? SideBySide.Render(similarity, SimilarityOptions.Default.MaxRegions)
            : SideBySide.Headline(similarity);
        var color = similarity.Flagged ? "yellow" : "grey";
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            console.MarkupLine($"  [{color}]{Markup.Escape(line)}[/]");
        }
    }

    private static void Tasks(IAnsiConsole console, GradeReport report)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Task").AddColumn("Title").AddColumn(new TableColumn("Points").RightAligned()).AddColumn("Tests");
        foreach (var task in report.Tasks)
        {
            table.AddRow(
                task.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(task.Title ?? "") + (task.IsBonus ? " [grey](bonus)[/]" : task.IsOptional ? " [grey](optional)[/]" : ""),
                $"{(task.IsBonus ? "+" : "")}{Feedback.Points(task.Points)}/{Feedback.Points(task.MaxPoints)}",
                State(task));
        }

        if (report.Snapshots is { Total: > 0 } snapshots)
        {
            table.AddRow(
                snapshots.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "snapshot checks (compared with the reference)",
                $"{Feedback.Points(snapshots.Points)}/{Feedback.Points(snapshots.MaxPoints)}",
                State(snapshots));
        }

        console.Write(table);
    }

    private static string State(TaskScore task) =>
        !task.Attempted ? "[grey]not started[/]"
        : task.Passed == task.Total ? "[green]all passed[/]"
        : task.IsOptional && task.MaxPoints == 0 ? $"[grey]{task.Passed} of {task.Total} met (optional)[/]"
        : $"{task.Passed} of {task.Total} passed";

    private static void Reports(IAnsiConsole console, GradeReport report)
    {
        foreach (var test in report.Tests.Where(t => t.Kind == TestKind.Report))
        {
            var text = Feedback.TestOutput(test);
            if (text.Length == 0)
            {
                continue;
            }

            console.WriteLine();
            console.MarkupLine($"[bold]{Markup.Escape(test.Name)}[/] [grey](measured, not scored)[/]");
            foreach (var line in text.Split('\n'))
            {
                console.MarkupLine($"  {Markup.Escape(line.TrimEnd())}");
            }
        }
    }

    // One entry per cause (FailureGroups): a mistake met by 93 tests is said once, with the tests it broke named.
    private static void Failures(IAnsiConsole console, GradeReport report)
    {
        var groups = FailureGroups.Of(report);
        if (groups.Count == 0)
        {
            return;
        }

        var count = groups.Sum(g => g.Tests.Count);
        console.WriteLine();
        console.MarkupLine($"[bold]What did not pass[/] [grey]({count} {(count == 1 ? "test" : "tests")}, " +
            $"{groups.Count} {(groups.Count == 1 ? "cause" : "causes")})[/]");
        foreach (var group in groups)
        {
            var first = group.Tests[0];
            var mark = first.Status == TestStatus.NotImplemented ? "[grey]·[/]" : "[red]✗[/]";
            var lost = Feedback.Points(group.Tests.Sum(t => t.MaxPoints));
            console.MarkupLine($"{mark} {Markup.Escape(group.Headline)} [grey]({Feedback.StatusWord(first.Status)}, 0/{lost})[/]");
            if (group.Tests.Count > 1)
            {
                console.MarkupLine($"    [grey]{Markup.Escape(TestNames(group.Tests))}[/]");
            }

            var lines = (first.Message ?? "").Split('\n').Skip(1).ToList();
            foreach (var line in lines.Take(MaxMessageLines))
            {
                console.MarkupLine($"    {Markup.Escape(line.TrimEnd())}");
            }

            if (lines.Count > MaxMessageLines)
            {
                console.MarkupLine($"    [grey]... {lines.Count - MaxMessageLines} more lines (--format junit has them all)[/]");
            }
        }
    }

    // An optional task's tests that are worth nothing: what it would take, never a failure.
    private static void OptionalNotMet(IAnsiConsole console, GradeReport report)
    {
        var groups = FailureGroups.Group(report.Tests.Where(t => t.Optional && t.MaxPoints == 0 && t.Status != TestStatus.Passed));
        if (groups.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine("[bold]Optional, not met[/] [grey](no points: nothing is missing from your score)[/]");
        foreach (var group in groups)
        {
            console.MarkupLine($"[grey]·[/] {Markup.Escape(group.Headline)}");
        }
    }

    private static string TestNames(IReadOnlyList<GradedTest> tests)
    {
        const int shown = 4;
        var names = string.Join(", ", tests.Take(shown).Select(Feedback.TestTitle));
        return tests.Count > shown ? $"{names} and {tests.Count - shown} more" : names;
    }

    private static void Advice(IAnsiConsole console, GradeReport report)
    {
        var advice = report.Problems.Where(p => !p.IsError).ToList();
        if (advice.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine("[bold]Advice[/]");
        foreach (var problem in advice)
        {
            console.MarkupLine($"  {Markup.Escape(problem.ToString())}");
        }
    }
}
