using System.Globalization;
using MemKata.Cli.Rendering;
using MemKata.Grading;
using MemKata.Grading.Class;
using MemKata.Grading.Model;
using MemKata.Grading.Output;
using MemKata.Grading.Reports;
using MemKata.Grading.Similarity;
using MemKata.Reports.Html;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;
using Spectre.Console;

namespace MemKata.Cli.Commands;

/// <summary>
/// <c>memkata grade SLUG --submissions DIR</c>: a whole class. Grades every folder (only those whose content changed
/// since the last run, by content hash, when the scores go to a file), then writes, each file once and whole: the CSV
/// of scores (upload-ready: titles and maxima in the header, the roster's ids and emails, a byte order mark), beside it
/// <c>NAME-summary.txt</c> (mean, median, distribution, per task) and the same as charts in <c>NAME-summary.html</c>,
/// <c>NAME-similarity.txt</c> (instructors only) and
/// <c>NAME.cache.json</c>, and with <c>--feedback-dir</c> one report per learner in the chosen format, with nothing
/// for instructors only in it.
/// </summary>
internal static class GradeClassMode
{
    /// <summary>What the class run was asked for.</summary>
    /// <param name="Folder">The submissions folder.</param>
    /// <param name="Output">The CSV's path, or null for standard output (then no summary, pairs or cache files).</param>
    /// <param name="Jobs">Submissions graded at a time.</param>
    /// <param name="Roster">The roster file, or null.</param>
    /// <param name="FeedbackDirectory">Where per-learner feedback goes, or null.</param>
    /// <param name="FeedbackFormat">The feedback files' format: text or a <see cref="ReportFormat"/>.</param>
    /// <param name="Regrade">Grade every submission, whatever the cache says.</param>
    public sealed record Request(
        string Folder, string? Output, int Jobs, string? Roster, string? FeedbackDirectory, string FeedbackFormat, bool Regrade)
    {
        /// <summary>The summary page's language (<see cref="ReportLanguage.Codes"/>).</summary>
        public string Language { get; init; } = ReportLanguage.English;
    }

    /// <summary>The summary file beside the CSV: <c>scores.csv</c> → <c>scores-summary.txt</c>.</summary>
    public static string SummaryPath(string csv) => Beside(csv, "-summary.txt");

    /// <summary>The summary page beside the CSV: <c>scores.csv</c> → <c>scores-summary.html</c>.</summary>
    public static string SummaryPagePath(string csv) => Beside(csv, "-summary.html");

    /// <summary>The similarity pairs beside the CSV: <c>scores.csv</c> → <c>scores-similarity.txt</c>.</summary>
    public static string SimilarityPairsPath(string csv) => Beside(csv, "-similarity.txt");

    /// <summary>Grades the class and writes its files; returns the exit code.</summary>
    public static int Run(CliContext context, Grader grader, Request request)
    {
        var roster = request.Roster is { } rosterPath ? Roster.Load(rosterPath) : null;
        var submissions = ClassGrader.Submissions(request.Folder);
        var cachePath = request.Output is { } csv ? GradeCache.PathFor(csv) : null;
        var cache = cachePath is null ? null
            : request.Regrade ? GradeCache.Fresh(grader.Exercise)
            : GradeCache.Load(cachePath, grader.Exercise);
        var reports = Grade(context, grader, submissions, request.Jobs, cache);

        var exercise = grader.Exercise;
        var tasks = exercise.Manifest.Tasks.Select(t => t.Number).Distinct().Order().ToList();
        var similarity = ExerciseSimilarity.CompareClass(exercise, submissions);
        var missing = roster?.Entries.Count(e => reports.All(r => r.SubmissionName != e.Folder)) ?? 0;
        if (request.FeedbackDirectory is { } feedback)
        {
            WriteFeedback(feedback, request.FeedbackFormat, reports);
        }

        if (request.Output is not { } path)
        {
            ScoresCsv.Write(reports, tasks, context.Out, similarity, roster);
            return ExitCodes.Success;
        }

        AtomicFile.Write(path, file => ScoresCsv.Write(reports, tasks, file, similarity, roster, byteOrderMark: true));
        var summary = SummaryPath(path);
        var stats = ClassStatistics.Of(exercise.Slug, reports, missing);
        AtomicFile.Write(summary, file => ClassSummary.Write(stats, file));
        var page = SummaryPagePath(path);
        var html = HtmlReports.Class(Charted(stats), ReportLanguage.Load(request.Language));
        HtmlFile.Write(page, html);
        var pairs = SimilarityPairsPath(path);
        AtomicFile.Write(pairs, file => ClassSimilarityText.Write(exercise.Slug, similarity, SimilarityOptions.Default, file));
        cache!.Save(cachePath!, [.. reports.Select(r => r.SubmissionName)]);

        var console = ConsoleFactory.Create(context.Out, context.UseColor);
        Table(console, reports);
        console.MarkupLine($"Scores written to {Markup.Escape(path)}; the class at a glance in {Markup.Escape(summary)} and, as charts, {Markup.Escape(page)}.");
        console.MarkupLine($"Graded {reports.Count - cache.Reused} submissions; {cache.Reused} unchanged since the last run kept their " +
            $"scores ({Markup.Escape(cachePath!)}; --regrade grades all).");
        if (missing > 0)
        {
            console.MarkupLine($"[yellow]{missing} learners on the roster have no submission folder: they score 0 (outcome {ScoresCsv.NoSubmission}).[/]");
        }

        if (request.FeedbackDirectory is { } written)
        {
            console.MarkupLine($"Feedback for each learner ({request.FeedbackFormat}) in {Markup.Escape(written)}.");
        }

        console.MarkupLine(
            $"Similarity: {similarity.Flagged.Count} of {similarity.Pairs} pairs flagged, " +
            $"{reports.Count(r => r.Similarity?.Flagged == true)} submissions flagged against the reference " +
            $"(instructors only; a reason to look, not a verdict): {Markup.Escape(pairs)}.");
        return ExitCodes.Success;
    }

    // The class's statistics as the summary page takes them (the report does not depend on the grading pipeline).
    private static ClassChart Charted(ClassStatistics stats) => new(
        stats.Slug,
        [.. stats.Outcomes.Select(o => (o.Outcome.ToString(), o.Count))],
        stats.NoSubmission,
        stats.MaxScore,
        stats.Scores,
        stats.Mean,
        stats.MedianScore,
        [.. stats.Bands.Select(b => new ChartBand(b.From, b.To, b.Learners))],
        [.. stats.Tasks.Select(t => new TaskSpread(
            string.Create(CultureInfo.InvariantCulture, $"{t.Number}: {t.Title ?? "untitled"}"), t.MaxPoints, t.Mean, t.Median, t.FullMarks, t.Partial, t.Nothing, t.NotStarted))]);

    /// <summary>The feedback file of a learner: <c>DIR/FOLDER.txt</c> (text), <c>.json</c> (gradescope, classroom) or
    /// <c>.xml</c> (junit).</summary>
    public static string FeedbackPath(string directory, string submission, string format) =>
        Path.Combine(directory, submission + format switch
        {
            ReportFormat.JUnit => ".xml",
            ReportFormat.Gradescope or ReportFormat.Classroom => ".json",
            _ => ".txt",
        });

    private static IReadOnlyList<GradeReport> Grade(
        CliContext context, Grader grader, IReadOnlyList<string> submissions, int jobs, GradeCache? cache)
    {
        if (context.UseColor)
        {
            var console = ConsoleFactory.CreateInteractive(context.Out);
            return console.Progress().Start(progress =>
            {
                var bar = progress.AddTask($"grading {submissions.Count} submissions", maxValue: submissions.Count);
                return ClassGrader.GradeAll(grader, submissions, report => bar.Increment(1), jobs, cache);
            });
        }

        return ClassGrader.GradeAll(
            grader,
            submissions,
            report => context.Error.WriteLine($"memkata: graded {report.SubmissionName}: {Feedback.Headline(report)} ({report.Outcome})"),
            jobs,
            cache);
    }

    // What a learner may see: the similarity check is for instructors only, so it is left out of every feedback file.
    private static void WriteFeedback(string directory, string format, IReadOnlyList<GradeReport> reports)
    {
        foreach (var report in reports)
        {
            var learner = report with { Similarity = null };
            var path = FeedbackPath(directory, report.SubmissionName, format);
            AtomicFile.Write(path, file =>
            {
                if (format == GradeCommand.TextFormat)
                {
                    GradeReportRenderer.Write(ConsoleFactory.Create(file, useColor: false), learner);
                }
                else
                {
                    ReportFormat.Write(format, learner, file);
                }
            });
        }
    }

    private static void Table(IAnsiConsole console, IReadOnlyList<GradeReport> reports)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Submission").AddColumn(new TableColumn("Score").RightAligned()).AddColumn("Outcome");
        foreach (var report in reports)
        {
            table.AddRow(Markup.Escape(report.SubmissionName), Feedback.Headline(report), report.Outcome.ToString());
        }

        console.Write(table);
    }

    private static string Beside(string csv, string suffix) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(csv))!, Path.GetFileNameWithoutExtension(csv) + suffix);
}
