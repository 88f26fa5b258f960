using System.CommandLine;
using System.Runtime.InteropServices;
using MemKata.Cli.Rendering;
using MemKata.Grading;
using MemKata.Grading.Checking;
using MemKata.Grading.Layout;

namespace MemKata.Cli.Commands;

/// <summary><c>memkata check [EXERCISE] [--submission DIR] [--watch] [--bench N]</c>: the learner's loop. Compiles the
/// learner's files as grading does (alone, the analyzers, the image check), runs the exercise's public tests in the
/// grading worker (<see cref="LearnerCheck"/>) and reports them task by task; <c>--watch</c> runs again on every save
/// (<see cref="CheckWatch"/>) until Ctrl-C.</summary>
internal static class CheckCommand
{
    /// <summary>Shown after the command's help: what runs, examples and exit codes.</summary>
    public const string HelpSection =
        "What runs: your files (files.solution of the exercise's .exercise.json or .meta/config.json) compiled alone\n" +
        "against MemKata.Contracts, as the grader compiles them, with its analyzers (docs/rules); then the exercise's\n" +
        "public tests (the other .cs files of its folder, what 'dotnet test' runs) compiled against your code and run\n" +
        "in the grading worker's sandbox, with its time and memory limits. No build, no dotnet test: a run after a save\n" +
        "takes a second or two. The hidden tests that grade you check more than these.\n\n" +
        "Examples:\n" +
        "  memkata check exercises/allocator           every public test of the allocator, task by task\n" +
        "  memkata check allocator                     the same, by the exercise's name\n" +
        "  cd exercises/fault-handler && memkata check   the exercise of the current folder\n" +
        "  memkata check exercises/allocator --watch   again on every save of Allocator.cs or its tests; Ctrl-C ends\n" +
        "  memkata check reclaim-policy --submission ~/hw/alice   someone's files, with the exercise's tests\n" +
        "  memkata check allocator --bench 5           how fast: the first run, then 5 saves (save to result)\n\n" +
        "Compile errors and the analyzers' findings come first, as a compiler prints them (FILE:LINE:COL: error ID:\n" +
        "message); an error means no test ran. Then, per task, how many public tests pass and, for each that does not,\n" +
        "the first line of its message.\n\n" +
        "Exit codes:\n" +
        "  0    every public test passes\n" +
        "  1    some do not, or your code does not compile, or the analyzers refuse it (nothing ran); with --watch,\n" +
        "       the last run's code when Ctrl-C ends it\n" +
        "  2    bad options, a folder that is not an exercise, an unknown exercise name\n" +
        "  70   memkata itself failed (a worker that cannot start)";

    private const string Description =
        "Run your exercise's public tests in seconds: compile your files as the grader does (with its analyzers), run " +
        "the tests, report them task by task; --watch runs them again on every save.";

    /// <summary>Builds the command; its action writes to <paramref name="context"/>'s streams.</summary>
    public static Command Create(CliContext context)
    {
        var target = new Argument<string?>("EXERCISE")
        {
            Description = "The exercise: its folder (exercises/allocator) or its name (allocator). Default: the current folder.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        target.Validators.Add(TraceArgumentValidator.RejectOptionLookalikes);
        var submission = new Option<string?>("--submission")
        {
            Description = "The folder holding the files to check (the exercise's files.solution). Default: the exercise folder.",
            HelpName = "DIR",
        };
        var watch = new Option<bool>("--watch") { Description = "Run again on every save of your files or the public tests, until Ctrl-C." };
        var bench = RoundCountOption.Create(
            "--bench",
            "Measure the loop: the first run (workers started), then N saves of a copy of your files, each timed from the " +
            "save to its result (min, median, max, and each phase), e.g. --bench 5.");
        var command = new Command("check", Description) { target, submission, watch, bench };
        command.Validators.Add(result =>
        {
            if (result.GetResult(bench) is not null && result.GetResult(watch) is not null)
            {
                result.AddError("--bench saves and times a copy of your files by itself: leave out --watch.");
            }
        });
        command.SetAction(parse => Run(
            context,
            parse.GetValue(target),
            parse.GetValue(submission),
            parse.GetValue(watch),
            parse.GetResult(bench) is null ? null : parse.GetValue(bench)));
        return command;
    }

    private static int Run(CliContext context, string? target, string? submission, bool watch, int? bench)
    {
        ExerciseLayout exercise;
        try
        {
            exercise = Locate(target);
        }
        catch (GradingInputException e)
        {
            UserErrors.Write(context.Error, e.Message);
            return ExitCodes.UsageError;
        }

        var folder = submission ?? Path.GetRelativePath(Directory.GetCurrentDirectory(), exercise.ExerciseDirectory);
        if (!Directory.Exists(folder))
        {
            var files = string.Join(", ", exercise.Config.Files.Solution);
            UserErrors.Write(context.Error, $"no submission folder {Path.GetFullPath(folder)}: give the folder that holds your {files}.");
            return ExitCodes.UsageError;
        }

        if (bench is { } rounds)
        {
            CheckBenchmark.Write(context.Out, exercise, folder, rounds);
            return ExitCodes.Success;
        }

        using var check = new LearnerCheck(exercise, folder);
        var locate = Locator(exercise, folder);
        if (!watch)
        {
            var result = check.Run();
            CheckReportRenderer.Write(context.Out, result, exercise, locate);
            return ExitCode(result);
        }

        return Watch(context, check, exercise, locate);
    }

    private static int Watch(CliContext context, LearnerCheck check, ExerciseLayout exercise, Func<string, string> locate)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.Cancel);
        // The first Ctrl-C ends the watch once the run in progress ends; a second one ends memkata at once (its
        // workers die with it).
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            e.Cancel = !stop.IsCancellationRequested;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        try
        {
            var runs = 0;
            var last = CheckWatch.Run(check, (result, changed) =>
            {
                runs++;
                if (changed.Count > 0)
                {
                    context.Out.WriteLine();
                    context.Out.WriteLine($"--- run {runs}: {string.Join(", ", changed.Select(Shown))} changed ---");
                }

                CheckReportRenderer.Write(context.Out, result, exercise, locate);
                context.Out.WriteLine("Watching your files and the public tests: save to run again, Ctrl-C to stop.");
                context.Out.Flush();
            }, stop.Token);
            context.Out.WriteLine("Stopped watching.");
            context.Out.Flush();
            return ExitCode(last);
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
    }

    /// <summary>0 when every public test passed, 70 when memkata could not check, 1 otherwise.</summary>
    internal static int ExitCode(CheckResult result) =>
        result.Failure is not null ? ExitCodes.InternalError : result.AllPassed ? ExitCodes.Success : ExitCodes.Different;

    // A problem's or a change's file as the learner reaches it from the current folder: a solution file in the
    // submission folder, anything else (a public test) in the exercise folder.
    private static Func<string, string> Locator(ExerciseLayout exercise, string submission) => file =>
    {
        var normalized = file.Replace('\\', '/');
        var folder = exercise.Config.Files.Solution.Any(s => s.Replace('\\', '/') == normalized) ? Path.GetFullPath(submission) : exercise.ExerciseDirectory;
        return Shown(Path.Combine(folder, file));
    };

    // A path from the current folder when it lies below it, else the full path: what a terminal or an editor can open.
    private static string Shown(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    // An exercise folder, or a name under the repository's (or starter's) exercises/.
    private static ExerciseLayout Locate(string? target)
    {
        if (target is null || Directory.Exists(target) || target.Contains('/', StringComparison.Ordinal) || target.Contains('\\', StringComparison.Ordinal))
        {
            return ExerciseLayout.FromExerciseDirectory(target ?? ".");
        }

        var root = RepositoryRoot.Find(Directory.GetCurrentDirectory());
        var folder = Path.Combine(root, "exercises", target);
        if (!Directory.Exists(folder))
        {
            var known = Directory.Exists(Path.Combine(root, "exercises"))
                ? string.Join(", ", Directory.GetDirectories(Path.Combine(root, "exercises")).Select(Path.GetFileName).Order(StringComparer.Ordinal))
                : "";
            throw new GradingInputException($"no exercise '{target}': {folder} does not exist.{(known.Length > 0 ? $" Exercises: {known}." : "")}");
        }

        return ExerciseLayout.FromExerciseDirectory(folder);
    }
}
