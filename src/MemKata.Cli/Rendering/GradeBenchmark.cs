using System.Globalization;
using MemKata.Grading;
using MemKata.Grading.Model;
using MemKata.Grading.Reports;
using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary><c>memkata grade --bench N</c>: grades one submission once to warm up (the compile worker's start, Roslyn's
/// JIT), then N times, and prints how long grading took: in all, compiling (in the compile worker) and running the tests
/// (test worker start in the sandbox, suite load, tests, scoring), each phase of <see cref="GradeTimings"/>, and the CPU
/// time of each worker. Times of this machine: a measurement, not a test.</summary>
internal static class GradeBenchmark
{
    /// <summary>Runs the benchmark and writes its table to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, Grader grader, string submission, int rounds)
    {
        var cold = grader.Grade(submission);
        var reports = new List<GradeReport>();
        for (var i = 0; i < rounds; i++)
        {
            reports.Add(grader.Grade(submission));
        }

        console.MarkupLine(
            $"[bold]{Markup.Escape(cold.Slug)}[/] · {Markup.Escape(cold.SubmissionName)} · {Feedback.Headline(cold)}, " +
            $"{cold.Tests.Count} hidden tests · first (cold) grading {Ms(cold.Elapsed)}, then {rounds} warm:");
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("phase")
            .AddColumn(new TableColumn("min").RightAligned())
            .AddColumn(new TableColumn("median").RightAligned())
            .AddColumn(new TableColumn("max").RightAligned());
        Row(table, "total", reports.Select(r => r.Elapsed));
        Row(table, "compile", reports.Select(r => r.CompileTime));
        Row(table, "run + score", reports.Select(r => r.Elapsed - r.CompileTime));
        if (reports.All(r => r.Timings is not null))
        {
            var timings = reports.Select(r => r.Timings!).ToList();
            Row(table, "  collect", timings.Select(t => t.Collect));
            Row(table, "  compile job", timings.Select(t => t.Compile));
            Row(table, "  image check", timings.Select(t => t.ImageCheck));
            Row(table, "  test load", timings.Select(t => t.TestLoad));
            Row(table, "  tests", timings.Select(t => t.Tests));
            Row(table, "    inside tests", timings.Select(t => t.TestsOwn));
            Row(table, "  test exit", timings.Select(t => t.TestExit));
            Row(table, "  score", timings.Select(t => t.Score));
            Row(table, "compile worker CPU", timings.Select(t => t.CompileCpu));
            Row(table, "test worker CPU", timings.Select(t => t.TestCpu));
        }

        console.Write(table);
        if (cold.Timings is { } first)
        {
            console.MarkupLine(
                $"cold: collect {Ms(first.Collect)}, compile job {Ms(first.Compile)}, image check {Ms(first.ImageCheck)}, " +
                $"test load {Ms(first.TestLoad)}, tests {Ms(first.Tests)} ({Ms(first.TestsOwn)} inside), " +
                $"test exit {Ms(first.TestExit)}, score {Ms(first.Score)}; CPU: compile worker {Ms(first.CompileCpu)}, " +
                $"test worker {Ms(first.TestCpu)}");
        }
    }

    private static void Row(Table table, string phase, IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        table.AddRow(phase, Ms(sorted[0]), Ms(sorted[sorted.Count / 2]), Ms(sorted[^1]));
    }

    private static string Ms(TimeSpan time) =>
        time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
