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

namespace MemKata.Cli.Commands;

/// <summary><c>memkata grade SLUG [--submission DIR | --submissions DIR | --reference] [--format F] [--output PATH]
/// [--roster FILE] [--feedback-dir DIR] [--feedback-format F] [--regrade] [--repo DIR]</c> (a class: <see cref="GradeClassMode"/>): grades one submission (or a class) with the exercise's hidden tests.</summary>
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
        "        scores-summary.txt (mean, median, distribution, per task), scores-similarity.txt (pairs of\n" +
        "        submissions that share much code, instructors only), scores.cache.json (the next run regrades only\n" +
        "        the submissions that changed)\n" +
        "  memkata grade allocator --submissions ~/hw --output scores.csv --roster roster.csv --feedback-dir fb\n" +
        "        upload-ready: ids and emails from roster.csv (folder,student_id,email), fb/FOLDER.txt per learner\n" +
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
                "'classroom' (GitHub Classroom runner result), 'autolab' (feedback, then Autolab's autoresult JSON as the last line), " +
                "'html' (a page with a bar per task; needs --output). " +
                "With --submissions: the CSV.",
            DefaultValueFactory = _ => TextFormat,
            HelpName = "text|gradescope|junit|classroom|autolab|html",
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
            "time of each phase and each worker's CPU time (min, median, max), e.g. --bench 5.");
        var jobs = RoundCountOption.CreateJobs(
            "With --submissions: grade N submissions at a time (default 1), e.g. --jobs 4 on a machine with 4 cores.");
        var roster = new Option<string?>("--roster")
        {
            Description = "With --submissions: a CSV with the header folder,student_id,email mapping each submission folder to " +
                "the learner; the scores then carry ids and emails, and a learner without a folder gets a row scoring 0.",
            HelpName = "FILE",
        };
        var feedbackDir = new Option<string?>("--feedback-dir")
        {
            Description = "With --submissions: write each learner's report to DIR/FOLDER.txt (or .json, .xml with " +
                "--feedback-format), without the instructors-only similarity check.",
            HelpName = "DIR",
        };
        var feedbackFormat = new Option<string>("--feedback-format")
        {
            Description = "The format of the --feedback-dir files: text (default), gradescope, junit or classroom.",
            DefaultValueFactory = _ => TextFormat,
            HelpName = "text|gradescope|junit|classroom",
        };
        feedbackFormat.AcceptOnlyFromAmong([TextFormat, .. ReportFormat.All]);
        var regrade = new Option<bool>("--regrade")
        {
            Description = "With --submissions and --output: grade every submission, even those unchanged since the last " +
                "run (by default their scores are kept from NAME.cache.json beside the CSV).",
        };
        var repo = new Option<string?>("--repo")
        {
            Description = "The MemKata repository. Default: the folder holding MemKata.sln, at or above the current one.",
            HelpName = "DIR",
        };
        var language = new Option<string>("--lang")
        {
            Description = "With --format html, or --submissions (the class summary page): the page's language, 'en' (default) or 'zh-CN' (Simplified Chinese).",
            DefaultValueFactory = _ => ReportLanguage.English,
            HelpName = "en|zh-CN",
        };
        language.AcceptOnlyFromAmong([.. ReportLanguage.Codes]);

        var command = new Command("grade", Description)
        {
            slug, submission, submissions, reference, format, output, bench, jobs, roster, feedbackDir, feedbackFormat, regrade, repo, language,
        };
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

            if (result.GetResult(language) is { Implicit: false } && result.GetValue(format) != HtmlOutputOptions.Html && result.GetResult(submissions) is null)
            {
                result.AddError("--lang chooses the language of the HTML report: use it with --format html, or with --submissions (the class summary page).");
            }

            if (result.GetResult(submissions) is not null && result.GetResult(format) is { Implicit: false })
            {
                result.AddError("--submissions writes a CSV of scores: leave out --format (--feedback-format chooses the learners' files).");
            }

            var classOnly = new Option[] { roster, feedbackDir, feedbackFormat, regrade }
                .Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
            if (classOnly.Count > 0 && result.GetResult(submissions) is null)
            {
                result.AddError($"{string.Join(", ", classOnly)} {(classOnly.Count == 1 ? "is" : "are")} for grading a class: use " +
                    $"{(classOnly.Count == 1 ? "it" : "them")} with --submissions DIR.");
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
            parse.GetValue(repo))
        {
            Roster = parse.GetValue(roster),
            FeedbackDirectory = parse.GetValue(feedbackDir),
            FeedbackFormat = parse.GetValue(feedbackFormat) ?? TextFormat,
            Regrade = parse.GetValue(regrade),
            Language = parse.GetValue(language) ?? ReportLanguage.English,
        }));
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
        string? Repo)
    {
        public string? Roster { get; init; }

        public string? FeedbackDirectory { get; init; }

        public string FeedbackFormat { get; init; } = TextFormat;

        public bool Regrade { get; init; }

        public string Language { get; init; } = ReportLanguage.English;
    }

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
                    OutputPath.CheckFile(GradeClassMode.SimilarityPairsPath(output), "write the similarity pairs to");
                    OutputPath.CheckFile(GradeClassMode.SummaryPath(output), "write the class summary to");
                }
            }

            var root = request.Repo is { } repo
                ? Path.GetFullPath(repo)
                : RepositoryRoot.Find(Directory.GetCurrentDirectory());
            InstructorRepository.Require(root, "grade");
            var exercise = ExerciseLayout.Load(root, request.Slug);
            using var grader = new Grader(exercise);
            return request.Submissions is { } folder
                ? GradeClassMode.Run(context, grader, new GradeClassMode.Request(
                    folder, request.Output, request.Jobs, request.Roster, request.FeedbackDirectory, request.FeedbackFormat, request.Regrade)
                {
                    Language = request.Language,
                })
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
            HtmlOutputOptions.Write(context, request.Output!, HtmlReports.Grade(summary, ReportLanguage.Load(request.Language)));
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
}
