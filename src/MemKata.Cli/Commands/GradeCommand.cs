using System.CommandLine;
using MemKata.Cli.Rendering;
using MemKata.Reports.Html;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;
using MemKata.Engine.Input;
using MemKata.Grading;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Output;
using MemKata.Grading.Reports;
using MemKata.Grading.Similarity;
using Spectre.Console;

namespace MemKata.Cli.Commands;

/// <summary><c>memkata grade SLUG [--submission DIR | --submissions DIR | --reference] [--format F] [--output PATH]
/// [--repo DIR]</c>: grades one submission (or a class) with the exercise's hidden tests.</summary>
internal static class GradeCommand
{
    /// <summary>The readable report (the default).</summary>
    public const string TextFormat = "text";

    /// <summary>Shown after the command's help: examples and exit codes.</summary>
    public const string HelpSection =
        "Examples:\n" +
        "  memkata grade allocator                                   grade your work in exercises/allocator\n" +
        "  memkata grade allocator --submission ~/hw/alice           grade one learner's folder\n" +
        "  memkata grade allocator --submission /autograder/submission --format gradescope \\\n" +
        "        --output /autograder/results/results.json             Gradescope (the report also goes to stdout)\n" +
        "  memkata grade allocator --submissions ~/hw --output scores.csv   a whole class: one row per folder, and\n" +
        "        scores-similarity.txt: pairs of submissions that share much code (instructors only)\n" +
        "  memkata grade allocator --submissions ~/hw --jobs 4       four submissions at a time\n" +
        "  memkata grade allocator --reference                       the reference solution: must get full marks\n\n" +
        "Only the files the exercise declares (files.solution in .meta/config.json) are taken from a submission.\n" +
        "The code is compiled and its tests run in separate worker processes, in the OS sandbox when the machine has one\n" +
        "(memkata sandbox), with time, memory and output limits; a crash fails the test that caused it. Output files\n" +
        "are written once, whole, after every worker process is gone.\n\n" +
        "Exit codes:\n" +
        "  0   graded, whatever the score (compile errors and crashes are part of the report)\n" +
        "  2   bad options, an unknown exercise, a missing folder, a malformed manifest, an --output that cannot be written\n" +
        "  70  memkata itself failed";

    private const string Description =
        "Grade a submission with the exercise's hidden tests: compile the learner's files, run the tests in a " +
        "separate process with time and memory limits, score them per task (grader.json), and report.";

    /// <summary>Builds the command; its action writes to <paramref name="context"/>'s streams.</summary>
    public static Command Create(CliContext context)
    {
        var slug = new Argument<string>("SLUG") { Description = "The exercise, e.g. allocator (a folder of exercises/)." };
        var submission = new Option<string?>("--submission")
        {
            Description = "The folder holding one learner's files. Default: the exercise's own folder, exercises/SLUG.",
            HelpName = "DIR",
        };
        var submissions = new Option<string?>("--submissions")
        {
            Description = "Grade every subfolder of DIR (one per learner) and write a CSV of scores, one row each.",
            HelpName = "DIR",
        };
        var reference = new Option<bool>("--reference")
        {
            Description = "Grade the exercise's reference solution (.meta/), which must score full marks.",
        };
        var format = new Option<string>("--format")
        {
            Description = "The report: 'text' (default, readable), 'gradescope' (results.json), 'junit' (XML), " +
                "'classroom' (GitHub Classroom runner result), 'html' (a page with a bar per task; needs --output). " +
                "With --submissions: the CSV.",
            DefaultValueFactory = _ => TextFormat,
            HelpName = "text|gradescope|junit|classroom|html",
        };
        format.AcceptOnlyFromAmong([TextFormat, HtmlOutputOptions.Html, .. ReportFormat.All]);
        var output = new Option<string?>("--output")
        {
            Description = "Write the report (or the class CSV) to PATH instead of standard output; the readable " +
                "report then goes to standard output.",
            HelpName = "PATH",
        };
        var bench = RoundCountOption.Create(
            "--bench",
            "Instead of one report, time grading: grade the submission once to warm up, then N times, and print the " +
            "compile and run times (min, median, max), e.g. --bench 5.");
        var jobs = RoundCountOption.CreateJobs(
            "With --submissions: grade N submissions at a time (default 1), e.g. --jobs 4 on a machine with 4 cores.");
        var repo = new Option<string?>("--repo")
        {
            Description = "The MemKata repository. Default: the folder holding MemKata.sln, at or above the current one.",
            HelpName = "DIR",
        };

        var command = new Command("grade", Description) { slug, submission, submissions, reference, format, output, bench, jobs, repo };
        command.Validators.Add(result =>
        {
            var chosen = new[] { result.GetResult(submission), result.GetResult(submissions), result.GetResult(reference) }
                .Count(r => r is { Implicit: false });
            if (chosen > 1)
            {
                result.AddError("give at most one of --submission, --submissions and --reference.");
            }

            if (result.GetResult(bench) is not null && (result.GetResult(submissions) is not null || result.GetResult(output) is not null))
            {
                result.AddError("--bench prints timings for one submission: leave out --submissions and --output.");
            }

            if (result.GetResult(jobs) is not null && result.GetResult(submissions) is null)
            {
                result.AddError("--jobs grades a class several submissions at a time: use it with --submissions DIR.");
            }

            if (result.GetValue(format) == HtmlOutputOptions.Html && result.GetResult(output) is null)
            {
                result.AddError("--format html writes a file: give it with --output FILE, e.g. --output grade.html.");
            }

            if (result.GetResult(submissions) is not null && result.GetResult(format) is { Implicit: false })
            {
                result.AddError("--submissions writes a CSV of scores: leave out --format.");
            }
        });
        command.SetAction(parse => Run(context, new Request(
            parse.GetValue(slug)!,
            parse.GetValue(submission),
            parse.GetValue(submissions),
            parse.GetValue(reference),
            parse.GetValue(format) ?? TextFormat,
            parse.GetValue(output),
            parse.GetResult(bench) is null ? null : parse.GetValue(bench),
            parse.GetResult(jobs) is null ? 1 : parse.GetValue(jobs),
            parse.GetValue(repo))));
        return command;
    }

    private sealed record Request(
        string Slug,
        string? Submission,
        string? Submissions,
        bool Reference,
        string Format,
        string? Output,
        int? Bench,
        int Jobs,
        string? Repo);

    private static int Run(CliContext context, Request request)
    {
        try
        {
            // An output that cannot be written is found now, not after grading a class.
            if (request.Output is { } output)
            {
                OutputPath.CheckFile(output, request.Submissions is null ? "write the report to" : "write the scores to");
                if (request.Submissions is not null)
                {
                    OutputPath.CheckFile(SimilarityPairsPath(output), "write the similarity pairs to");
                }
            }

            var root = request.Repo is { } repo
                ? Path.GetFullPath(repo)
                : RepositoryRoot.Find(Directory.GetCurrentDirectory());
            InstructorRepository.Require(root, "grade");
            var exercise = ExerciseLayout.Load(root, request.Slug);
            using var grader = new Grader(exercise);
            return request.Submissions is { } folder
                ? GradeClass(context, grader, folder, request.Output, request.Jobs)
                : GradeOne(context, grader, request);
        }
        catch (Exception e) when (e is GradingInputException or InputFileException)
        {
            UserErrors.Write(context.Error, e.Message);
            return ExitCodes.UsageError;
        }
    }

    private static int GradeOne(CliContext context, Grader grader, Request request)
    {
        var exercise = grader.Exercise;
        var work = Path.Combine(Path.GetTempPath(), "memkata-reference", Guid.NewGuid().ToString("N"));
        var folder = request.Reference
            ? ReferenceSubmission.Create(exercise, Path.Combine(work, "reference"))
            : request.Submission ?? exercise.ExerciseDirectory;
        try
        {
            if (request.Bench is { } rounds)
            {
                GradeBenchmark.Write(ConsoleFactory.Create(context.Out, context.UseColor), grader, folder, rounds);
                return ExitCodes.Success;
            }

            return Report(context, request, grader.Grade(folder));
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static int Report(CliContext context, Request request, GradeReport report)
    {
        var console = ConsoleFactory.Create(context.Out, context.UseColor);
        if (request.Format == TextFormat)
        {
            if (request.Output is { } path)
            {
                AtomicFile.Write(path, file => GradeReportRenderer.Write(ConsoleFactory.Create(file, useColor: false), report));
            }

            GradeReportRenderer.Write(console, report);
            return ExitCodes.Success;
        }

        if (request.Format == HtmlOutputOptions.Html)
        {
            var tasks = report.Tasks.Concat(report.Snapshots is { } s ? [s] : [])
                .Select(t => new TaskBar(t.Number, t.Title ?? "", t.Points, t.MaxPoints, t.Passed, t.Total, t.IsBonus)).ToList();
            var notes = report.Problems.Select(p => p.ToString()).Concat(report.Notes).ToList();
            var summary = new GradeSummary(report.Slug, report.SubmissionName, report.Outcome.ToString(), report.Score, report.MaxScore, tasks, notes);
            HtmlOutputOptions.Write(context, request.Output!, HtmlReports.Grade(summary, ReportLanguage.Load(ReportLanguage.English)));
            GradeReportRenderer.Write(console, report);
            return ExitCodes.Success;
        }

        if (request.Output is { } target)
        {
            AtomicFile.Write(target, file => ReportFormat.Write(request.Format, report, file));

            GradeReportRenderer.Write(console, report);
        }
        else
        {
            ReportFormat.Write(request.Format, report, context.Out);
        }

        return ExitCodes.Success;
    }

    private static int GradeClass(CliContext context, Grader grader, string folder, string? output, int jobs)
    {
        var submissions = ClassGrader.Submissions(folder);
        IReadOnlyList<GradeReport> reports;
        if (context.UseColor)
        {
            var console = ConsoleFactory.CreateInteractive(context.Out);
            reports = console.Progress().Start(progress =>
            {
                var bar = progress.AddTask($"grading {submissions.Count} submissions", maxValue: submissions.Count);
                return ClassGrader.GradeAll(grader, submissions, report => bar.Increment(1), jobs);
            });
        }
        else
        {
            reports = ClassGrader.GradeAll(
                grader,
                submissions,
                report => context.Error.WriteLine($"memkata: graded {report.SubmissionName}: {Feedback.Headline(report)} ({report.Outcome})"),
                jobs);
        }

        var tasks = grader.Exercise.Manifest.Tasks.Select(t => t.Number).Distinct().Order().ToList();
        var similarity = ExerciseSimilarity.CompareClass(grader.Exercise, submissions);
        if (output is { } path)
        {
            AtomicFile.Write(path, file => ScoresCsv.Write(reports, tasks, file, similarity));

            var pairs = SimilarityPairsPath(path);
            AtomicFile.Write(pairs, file => ClassSimilarityText.Write(grader.Exercise.Slug, similarity, SimilarityOptions.Default, file));

            ClassSummary(ConsoleFactory.Create(context.Out, context.UseColor), reports, path, pairs, similarity);
        }
        else
        {
            ScoresCsv.Write(reports, tasks, context.Out, similarity);
        }

        return ExitCodes.Success;
    }

    // scores.csv → scores-similarity.txt beside it: the class's flagged pairs side by side, for instructors.
    private static string SimilarityPairsPath(string csv) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(csv))!, Path.GetFileNameWithoutExtension(csv) + "-similarity.txt");

    private static void ClassSummary(
        IAnsiConsole console, IReadOnlyList<GradeReport> reports, string path, string pairs, ClassSimilarityReport similarity)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Submission").AddColumn(new TableColumn("Score").RightAligned()).AddColumn("Outcome");
        foreach (var report in reports)
        {
            table.AddRow(Markup.Escape(report.SubmissionName), Feedback.Headline(report), report.Outcome.ToString());
        }

        console.Write(table);
        console.MarkupLine($"Scores written to {Markup.Escape(path)}.");
        console.MarkupLine(
            $"Similarity: {similarity.Flagged.Count} of {similarity.Pairs} pairs flagged, " +
            $"{reports.Count(r => r.Similarity?.Flagged == true)} submissions flagged against the reference " +
            $"(instructors only; a reason to look, not a verdict): {Markup.Escape(pairs)}.");
    }
}
