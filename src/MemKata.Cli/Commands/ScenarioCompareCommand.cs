using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using MemKata.Cli.Comparing;
using MemKata.Cli.Rendering;
using MemKata.Cli.Scenarios;
using MemKata.Grading;
using MemKata.Grading.Layout;
using MemKata.Grading.Comparing;
using MemKata.Reports.Html;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios;
using MemKata.Scenarios.Views;

namespace MemKata.Cli.Commands;

/// <summary><c>memkata scenario compare SCENARIO [--exercise DIR] [--submission DIR] [--timeout SECONDS] [--format
/// rich|text]</c>: runs a scenario with the reference, then with the learner's component in its place, and shows the
/// two runs side by side.</summary>
internal static class ScenarioCompareCommand
{
    /// <summary>Shown after <c>scenario compare --help</c>: what is compared, examples and exit codes.</summary>
    public const string HelpSection =
        "What runs: the scenario twice on the simulated kernel, first with the reference components, then with yours\n" +
        "in place of the reference's: your FaultHandler (exercises/fault-handler), your ReclaimPolicy\n" +
        "(exercises/reclaim-policy), or your Allocator (exercises/allocator) as every process's malloc. Your files\n" +
        "(files.solution of the exercise's .exercise.json, or .meta/config.json) are compiled as the grader compiles\n" +
        "them, alone, against MemKata.Contracts. What is compared: each step's result and the kernel events it caused,\n" +
        "in order. Some of it is your choice (an allocator's placement and heap growth, a reclaim policy's scan order):\n" +
        "there a difference is not always a mistake, and the output says so.\n\n" +
        "Your code runs in the grading worker's sandbox, never inside memkata: an exception it throws (the stub's\n" +
        "NotImplementedException too) is reported where your run stopped; a run longer than --timeout, a stack overflow,\n" +
        "Environment.Exit or too much memory ends that run with a message.\n\n" +
        "Examples:\n" +
        "  memkata scenario compare 05-full-machine-kswapd-then-direct-reclaim --exercise exercises/fault-handler\n" +
        "  memkata scenario compare 09-oom-score-adj-changes-the-choice --exercise exercises/reclaim-policy\n" +
        "  cd exercises/reclaim-policy && memkata scenario compare 06-dirty-file-pages-are-written-back\n" +
        "  memkata scenario compare my.yaml --exercise exercises/fault-handler --format text --full > compare.txt\n" +
        "  memkata scenario compare 11-map-private-file-pages-are-copied-on-write --exercise exercises/fault-handler --show page-table\n" +
        "  memkata scenario compare 07-anonymous-pages-go-to-swap --exercise exercises/reclaim-policy --show lru --step 4\n" +
        "  memkata scenario compare 08-oom-killer-picks-the-biggest --exercise exercises/fault-handler --submission ~/hw/alice\n\n" +
        "The side by side shows the rows around the first difference, cut to fit 120 columns; --full shows them all.\n" +
        "The verdict at the end says whether the runs are identical, differ only in what is your choice (named), or\n" +
        "differ in what the rules require (the first such line of each run).\n\n" +
        "Exit codes:\n" +
        "  0    the two runs are identical, or differ only in what is your choice\n" +
        "  1    they differ in required behaviour, or your run stopped early (an exception, the time limit)\n" +
        "  2    bad options, an unknown scenario or a malformed one, a folder that is not an exercise, your code does not\n" +
        "       compile (the compiler's FILE:LINE:COL: error ... lines on standard error), or it has no component of the\n" +
        "       expected name\n" +
        "  70   memkata itself failed";

    private const string Description =
        "Run a scenario with the reference, then with your component (fault handler, reclaim policy or allocator) in " +
        "its place, and show the two runs side by side: the first difference, both event logs, a diff.";

    /// <summary>Builds <c>scenario compare</c>.</summary>
    public static Command Create(CliContext context)
    {
        var scenarioArgument = new Argument<string>("SCENARIO")
        {
            Description = "A built-in scenario's name ('memkata scenario list') or a scenario file (YAML).",
        };
        scenarioArgument.Validators.Add(TraceArgumentValidator.RejectOptionLookalikes);
        var exerciseOption = new Option<string?>("--exercise")
        {
            Description = "The exercise folder, e.g. exercises/fault-handler: which component (its .exercise.json or .meta/config.json). " +
                "Default: the current folder.",
            HelpName = "DIR",
        };
        var submissionOption = new Option<string?>("--submission")
        {
            Description = "The folder holding the files to run (the exercise's files.solution). Default: the exercise folder.",
            HelpName = "DIR",
        };
        var timeoutOption = new Option<TimeSpan?>("--timeout")
        {
            Description = "The most CPU time your run may take, in seconds, e.g. --timeout 20. Default: four times what " +
                "the reference's run took, at least 5 s.",
            HelpName = "SECONDS",
            CustomParser = ParseTimeout,
        };
        var fullOption = new Option<bool>("--full")
        {
            Description = "Show every line of both runs side by side, uncut, and (as text) a unified diff. Default: the " +
                "24 rows around the first difference, cut to fit a 120-column terminal.",
        };
        var formatOption = ReportFormatOption.Create(context);
        var html = new HtmlOutputOptions();
        var compare = new Command("compare", Description) { scenarioArgument, exerciseOption, submissionOption, timeoutOption, fullOption, formatOption };
        html.AddTo(compare, formatOption);
        var views = new ViewOptions();
        views.AddTo(compare);
        compare.SetAction(parse => Run(
            context,
            parse.GetValue(scenarioArgument)!,
            parse.GetValue(exerciseOption) ?? ".",
            parse.GetValue(submissionOption),
            parse.GetValue(timeoutOption),
            parse.GetValue(fullOption),
            parse.GetValue(formatOption) ?? ReportFormatOption.Text,
            parse.GetValue(html.Output),
            parse.GetValue(html.Language)!,
            ViewOptions.Request(parse.GetValue(views.Show), parse.GetValue(views.Step))));
        return compare;
    }

    /// <summary>Parses a <c>--timeout SECONDS</c> value: a number above 0, at most 3600.</summary>
    internal static TimeSpan? ParseTimeout(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || seconds > 3600)
        {
            result.AddError($"--timeout takes a number of seconds above 0 (at most 3600), e.g. --timeout 10; '{text}' is not one.");
            return null;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static int Run(
        CliContext context, string scenarioName, string exerciseDirectory, string? submission, TimeSpan? timeout, bool full, string format, string? output, string language,
        ViewRequest? views)
    {
        (string Label, Scenario Scenario, string Yaml, string FileName) scenario;
        ExerciseLayout exercise;
        try
        {
            scenario = Load(scenarioName);
            exercise = ExerciseLayout.FromExerciseDirectory(exerciseDirectory);
            if (output is not null)
            {
                HtmlOutputOptions.Check(output);
            }
        }
        catch (GradingInputException e)
        {
            context.Error.WriteLine($"memkata: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (UserErrors.TryReport(e, context.Error))
        {
            return ExitCodes.UsageError;
        }

        var folder = submission ?? exerciseDirectory;
        if (!Directory.Exists(folder))
        {
            context.Error.WriteLine($"memkata: no submission folder {Path.GetFullPath(folder)}: give the folder that holds your {string.Join(", ", exercise.Config.Files.Solution)}.");
            return ExitCodes.UsageError;
        }

        var (comparison, learner) = ScenarioComparison.Run(
            scenario.Label, scenario.Scenario, scenario.Yaml, scenario.FileName, exercise, folder, timeout, views);
        if (comparison is null)
        {
            var compileErrors = learner.Problems.Any(p => p.Id != LearnerScenario.MissingComponentId);
            context.Error.WriteLine(compileErrors
                ? $"memkata: your code does not compile, so it cannot run ({learner.Problems.Count} problem{(learner.Problems.Count == 1 ? "" : "s")}):"
                : "memkata: your code cannot run in a scenario:");
            foreach (var p in learner.Problems)
            {
                context.Error.WriteLine((p.File is null ? p : p with { File = Path.Combine(folder, p.File) }).ToString());
            }

            context.Error.Flush();
            return ExitCodes.UsageError;
        }

        if (format == HtmlOutputOptions.Html)
        {
            HtmlOutputOptions.Write(context, output!, HtmlReports.Compare(Pictured(scenarioName, scenario.Scenario, comparison), ReportLanguage.Load(language)));
        }
        else if (format == ReportFormatOption.Text)
        {
            ComparisonRenderer.WriteText(context.Out, comparison, full);
        }
        else
        {
            ComparisonRenderer.WriteRich(ConsoleFactory.Create(context.Out, context.UseColor), comparison, full);
            ComparisonRenderer.WriteViews(context.Out, comparison);
        }

        return comparison.Verdict.Kind == MemKata.Scenarios.Comparing.VerdictKind.Required ? ExitCodes.Different : ExitCodes.Success;
    }

    // The comparison as the HTML report takes it, with the reference's run recorded again for its drawings.
    private static ComparedRun Pictured(string scenarioName, Scenario scenario, ScenarioComparison comparison)
    {
        var builtIn = scenarioName.EndsWith(".yaml", StringComparison.Ordinal) ? scenarioName[..^".yaml".Length] : scenarioName;
        var isBuiltIn = BuiltInScenarios.Names.Contains(builtIn, StringComparer.Ordinal) && !File.Exists(scenarioName);
        var rows = comparison.Rows.Select(r => new ComparedLine(r.Kind switch
        {
            RowKind.Same => ComparedLineKind.Same,
            RowKind.Changed => ComparedLineKind.Changed,
            RowKind.OnlyReference => ComparedLineKind.OnlyReference,
            _ => ComparedLineKind.OnlyYours,
        }, r.Reference?.Display, r.Yours?.Display)).ToList();
        var stop = comparison.Stop is { } s ? $"{s.Where}: {s.What}" : null;
        var note = comparison.Verdict.Text + (comparison.Note is { } choice ? "\n" + choice : "");
        return new ComparedRun(comparison.ScenarioLabel, comparison.Component, note, rows, stop,
            ScenarioFilm.Record(isBuiltIn ? builtIn : Path.GetFileName(scenarioName), isBuiltIn, scenario))
        {
            ReferenceViews = comparison.ReferenceViews,
            YourViews = comparison.YourViews,
        };
    }

    // A built-in's name, or a file: a path that exists, or that looks like one (a .yaml/.yml name, a folder separator).
    private static (string Label, Scenario Scenario, string Yaml, string FileName) Load(string name)
    {
        if (File.Exists(name) || Directory.Exists(name) || name.EndsWith(".yml", StringComparison.Ordinal)
            || (name.EndsWith(".yaml", StringComparison.Ordinal) && !BuiltInScenarios.Names.Contains(name[..^".yaml".Length], StringComparer.Ordinal))
            || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            var yaml = ScenarioParser.ReadText(name);
            var parsed = ScenarioParser.Parse(yaml, name);
            return ($"{name} ({parsed.Name})", parsed, yaml, name);
        }

        var (builtIn, scenario) = ScenarioSource.BuiltIn(name);
        return ($"{builtIn} ({scenario.Name})", scenario, BuiltInScenarios.Text(builtIn), BuiltInScenarios.FileName(builtIn));
    }
}
