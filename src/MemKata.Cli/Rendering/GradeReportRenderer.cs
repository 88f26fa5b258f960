using MemKata.Grading.Model;
using MemKata.Grading.Reports;
using MemKata.Grading.Similarity;
using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>The readable report of <c>memkata grade</c>: the score, a table of tasks (and snapshot checks), then each
/// test that did not pass with why (the assertion, the crash, the first divergence a snapshot check found), then the
/// reports (measurements, not scored), then notes, then for instructors the similarity check against the reference.</summary>
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
                Markup.Escape(task.Title ?? "") + (task.IsBonus ? " [grey](bonus)[/]" : ""),
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

    private static void Failures(IAnsiConsole console, GradeReport report)
    {
        var failed = report.Tests.Where(t => t.Status != TestStatus.Passed && t.Kind != TestKind.Report).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine("[bold]What did not pass[/]");
        foreach (var test in failed)
        {
            var mark = test.Status == TestStatus.NotImplemented ? "[grey]·[/]" : "[red]✗[/]";
            console.MarkupLine(
                $"{mark} {Markup.Escape(Feedback.TestTitle(test))} [grey]({Feedback.StatusWord(test.Status)}, " +
                $"0/{Feedback.Points(test.MaxPoints)})[/]");
            var lines = (test.Message ?? "").Split('\n');
            foreach (var line in lines.Take(MaxMessageLines))
            {
                console.MarkupLine($"    {Markup.Escape(line.TrimEnd())}");
            }

            if (lines.Length > MaxMessageLines)
            {
                console.MarkupLine($"    [grey]... {lines.Length - MaxMessageLines} more lines (--format junit has them all)[/]");
            }
        }
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
