using System.Globalization;
using System.Text;
using MemKata.Cli.Comparing;
using MemKata.Scenarios.Comparing;
using MemKata.Scenarios.Views;
using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>
/// Shows a <see cref="ScenarioComparison"/>: whether the runs are identical, the first difference (and where the
/// learner's run stopped, if it did), then the two transcripts side by side. As plain text (identical on every run: no
/// times, no colors) the side by side is a window around the first difference that fits a 120-column terminal
/// (<see cref="ComparisonExcerpts"/>), or with <c>--full</c> every line and a unified diff; on a terminal it is a colored table
/// of the same rows. Both end with the verdict (<see cref="CompareVerdict"/>).
/// </summary>
internal static class ComparisonRenderer
{
    private const string Legend = "(' ' the same, '!' changed, '-' only the reference, '+' only yours)";

    /// <summary>Writes <paramref name="comparison"/> as plain deterministic text: the rows around the first difference,
    /// or with <paramref name="full"/> every row and a unified diff.</summary>
    public static void WriteText(TextWriter output, ScenarioComparison comparison, bool full = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(comparison);
        output.Write(Summary(comparison));
        if (comparison.Identical)
        {
            output.Write("\n## The log of both runs\n");
            foreach (var line in comparison.Reference)
            {
                output.Write(line.Display + "\n");
            }
        }
        else if (comparison.Yours is { } yours)
        {
            var shown = Shown(comparison, full);
            output.Write($"\n## Side by side {WindowTitle(comparison, shown)}{Legend}\n");
            foreach (var line in ComparisonExcerpts.Lines(comparison.Rows, shown, Marker, fit: !full))
            {
                output.Write(line + "\n");
            }

            if (full)
            {
                output.Write("\n## Unified diff\n");
                output.Write(LogAlignment.UnifiedDiff(comparison.Reference, yours));
            }
            else if (shown is not null && ComparisonExcerpts.Count(comparison.Rows, shown) < comparison.Rows.Count)
            {
                output.Write($"({MoreRows(comparison, shown)}: --full shows every line, uncut, and a unified diff)\n");
            }
        }

        output.Write("\n## Verdict\n" + comparison.Verdict.Text + "\n");
        WriteViews(output, comparison);
        output.Flush();
    }

    /// <summary>Writes <paramref name="comparison"/> for a terminal: the summary, then a table of the two runs (the rows
    /// around the first difference, or with <paramref name="full"/> every row).</summary>
    public static void WriteRich(IAnsiConsole console, ScenarioComparison comparison, bool full = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(comparison);
        var color = comparison.Identical ? "green" : "yellow";
        var summary = Summary(comparison).TrimEnd('\n').Split('\n');
        console.MarkupLine($"[bold]{Markup.Escape(summary[0])}[/]");
        foreach (var line in summary.Skip(1))
        {
            console.MarkupLine(line.StartsWith("The ", StringComparison.Ordinal) || line.StartsWith("Your ", StringComparison.Ordinal)
                ? $"[{color}]{Markup.Escape(line)}[/]"
                : Markup.Escape(line));
        }

        console.WriteLine();
        if (comparison.Identical)
        {
            var log = new Table().Border(TableBorder.Simple).AddColumn("both runs");
            foreach (var line in comparison.Reference)
            {
                log.AddRow(Markup.Escape(line.Display));
            }

            console.Write(log);
            WriteVerdict(console, comparison.Verdict);
            return;
        }

        if (comparison.Yours is null)
        {
            WriteVerdict(console, comparison.Verdict);
            return;
        }

        var shown = Shown(comparison, full);
        var excerpts = (shown ?? [Range.All]).Select(e => e.GetOffsetAndLength(comparison.Rows.Count)).ToList();
        var rows = excerpts.SelectMany(e => comparison.Rows.Skip(e.Offset).Take(e.Length)).ToList();
        var label = ComparisonExcerpts.LabelWidth(rows);
        console.MarkupLine(Markup.Escape($"Side by side {WindowTitle(comparison, shown)}").TrimEnd());
        var table = new Table().Border(TableBorder.Simple).AddColumn("").AddColumn("reference").AddColumn("yours");
        var next = 0;
        foreach (var (row, at) in excerpts.SelectMany(e => comparison.Rows.Skip(e.Offset).Take(e.Length).Select((r, i) => (r, e.Offset + i))))
        {
            if (at > next)
            {
                table.AddRow("", Markup.Escape($"... {Count(at - next, "row")} left out ..."), "");
            }

            next = at + 1;
            var style = row.Kind switch
            {
                RowKind.Same => "",
                RowKind.Changed => "yellow",
                RowKind.OnlyReference => "red",
                _ => "green",
            };
            table.AddRow(Styled(Marker(row.Kind).ToString(), style),
                Styled(ComparisonExcerpts.Display(row.Reference, label), style), Styled(ComparisonExcerpts.Display(row.Yours, label), style));
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape(shown is not null && rows.Count < comparison.Rows.Count
            ? $"{Legend}; {MoreRows(comparison, shown)}: --full shows every line"
            : Legend));
        WriteVerdict(console, comparison.Verdict);
    }

    /// <summary>Writes the machine views of both runs (<c>--show</c>), step by step: the reference's, then yours.</summary>
    public static void WriteViews(TextWriter output, ScenarioComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(comparison);
        if (comparison.ReferenceViews.Count == 0 && comparison.YourViews.Count == 0)
        {
            return;
        }

        output.Write("\n## The machine after each step (--show)\n");
        MachineView? theirsBefore = null, yoursBefore = null;
        foreach (var step in comparison.ReferenceViews.Select(v => v.AfterStep).Union(comparison.YourViews.Select(v => v.AfterStep)).Order())
        {
            if (comparison.ReferenceViews.FirstOrDefault(v => v.AfterStep == step) is { } theirs)
            {
                MachineViewText.Write(output, "the reference's run", theirs, theirsBefore);
                theirsBefore = theirs;
            }

            if (comparison.YourViews.FirstOrDefault(v => v.AfterStep == step) is { } yours)
            {
                MachineViewText.Write(output, $"your run, with your {comparison.Component}", yours, yoursBefore);
                yoursBefore = yours;
            }
        }
    }

    // The closing verdict: green when nothing required differs, red otherwise.
    private static void WriteVerdict(IAnsiConsole console, CompareVerdict verdict)
    {
        console.WriteLine();
        var color = verdict.Kind == VerdictKind.Required ? "red" : "green";
        foreach (var (line, i) in verdict.Text.Split('\n').Select((l, i) => (l, i)))
        {
            console.MarkupLine(i == 0 ? $"[bold {color}]{Markup.Escape(line)}[/]" : Markup.Escape(line));
        }
    }

    // The lines both formats start with.
    private static string Summary(ScenarioComparison c)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Scenario {c.ScenarioLabel}: the reference's run, then yours with your {c.Component}\n");
        var steps = c.Reference.Count(l => l.IsStep) - 1;
        var events = c.Reference.Count(l => !l.IsStep);
        if (c.Identical)
        {
            text.Append(CultureInfo.InvariantCulture, $"The two runs are identical: {Count(steps, "step")}, {Count(events, "kernel event")}, the same results.\n");
            return text.ToString();
        }

        if (c.Yours is not null)
        {
            var same = c.Rows.Count(r => r.Kind == RowKind.Same);
            text.Append(CultureInfo.InvariantCulture,
                $"The two runs differ: {same} of the reference's {c.Reference.Count} lines ({Count(steps, "step")}, {Count(events, "event")}) are the same in yours.\n");
            var first = c.FirstDifference;
            if (first >= 0)
            {
                var row = c.Rows[first];
                var step = (row.Reference ?? row.Yours)!.Step;
                var stepLine = c.Reference.FirstOrDefault(l => l.IsStep && l.Step == step)?.Text ?? Transcript.StartLine;
                var label = (row.Reference ?? row.Yours)!.Label;
                var what = label.Length > 0 ? $"event {label}, " : "";
                text.Append(CultureInfo.InvariantCulture, $"First difference, {what}in {Head(stepLine)}:\n");
                text.Append(CultureInfo.InvariantCulture, $"  reference  {row.Reference?.Display.TrimStart() ?? "(nothing here)"}\n");
                text.Append(CultureInfo.InvariantCulture, $"  yours      {row.Yours?.Display.TrimStart() ?? "(nothing here)"}\n");
            }
        }

        if (c.Stop is { } stop)
        {
            var after = stop.LastEvent > 0 ? $", after event #{stop.LastEvent}" : "";
            text.Append(stop.TimedOut ? $"Your run was stopped in {stop.Where}:\n" : $"Your run stopped in {stop.Where}{after}:\n");
            text.Append(CultureInfo.InvariantCulture, $"  {stop.What}\n");
            if (stop.Source is { } source)
            {
                text.Append(CultureInfo.InvariantCulture, $"  at {source}\n");
            }

            if (stop.Task is { } task)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"  Task {task}{(stop.TaskTitle is { } title ? $" ({title})" : "")} is not done yet: see .docs/instructions.md, task {task}.\n");
            }
        }

        if (c.Note is { } note)
        {
            text.Append(note).Append('\n');
        }

        return text.ToString();
    }

    // The excerpts shown: null (every row) with --full, else the rows around the differences.
    private static IReadOnlyList<Range>? Shown(ScenarioComparison c, bool full) => full ? null : ComparisonExcerpts.Excerpts(c.Rows);

    // "(24 of 240 rows, around the differences) " or "" when every row is shown.
    private static string WindowTitle(ScenarioComparison c, IReadOnlyList<Range>? shown)
    {
        var count = shown is null ? c.Rows.Count : ComparisonExcerpts.Count(c.Rows, shown);
        return count == c.Rows.Count
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"({count} of {c.Rows.Count} rows, around the differences) ");
    }

    // How much the excerpts leave out: "32 rows not shown, 4 of them different".
    private static string MoreRows(ScenarioComparison c, IReadOnlyList<Range> shown)
    {
        var spans = shown.Select(e => e.GetOffsetAndLength(c.Rows.Count)).ToList();
        var hidden = c.Rows.Count - ComparisonExcerpts.Count(c.Rows, shown);
        var differing = c.Rows.Where((r, i) => r.Kind != RowKind.Same && !spans.Any(s => i >= s.Offset && i < s.Offset + s.Length)).Count();
        return string.Create(CultureInfo.InvariantCulture,
            $"{Count(hidden, "row")} not shown, {(differing == 0 ? "none" : differing.ToString(CultureInfo.InvariantCulture))} of them different");
    }

    private static string Count(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n} {what}{(n == 1 ? "" : "s")}");

    // A step line without its result: "step 3 (line 14) app: write p".
    private static string Head(string stepLine)
    {
        var arrow = stepLine.IndexOf(" -> ", StringComparison.Ordinal);
        return arrow < 0 ? stepLine : stepLine[..arrow];
    }

    private static char Marker(RowKind kind) => kind switch
    {
        RowKind.Same => ' ',
        RowKind.Changed => '!',
        RowKind.OnlyReference => '-',
        _ => '+',
    };

    private static string Styled(string text, string style) =>
        style.Length == 0 ? Markup.Escape(text) : $"[{style}]{Markup.Escape(text)}[/]";
}
