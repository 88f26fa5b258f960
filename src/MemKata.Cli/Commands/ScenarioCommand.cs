using System.CommandLine;
using MemKata.Cli.Rendering;
using MemKata.Cli.Scenarios;
using MemKata.Reports.Html;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios;
using MemKata.Scenarios.Views;

namespace MemKata.Cli.Commands;

/// <summary><c>memkata scenario run FILE | --builtin NAME [--format rich|text]</c>, <c>memkata scenario compare</c>
/// (<see cref="ScenarioCompareCommand"/>) and <c>memkata scenario list</c>:
/// runs a scenario (a machine, its processes and their steps, in YAML) on the simulated kernel and shows what
/// happened.</summary>
internal static class ScenarioCommand
{
    /// <summary>Shown after <c>scenario run --help</c>: the file format, examples and exit codes.</summary>
    public const string RunHelpSection =
        "A scenario file (YAML):\n" +
        "  name: two processes and the OOM killer\n" +
        "  explain: |\n" +
        "    What the scenario shows, printed before the run.\n" +
        "  machine: { ram: 64 MiB, swap: 0, arch: x86-64, overcommit: 1, swappiness: 60 }\n" +
        "  files: [ { name: data.bin, size: 1 MiB } ]\n" +
        "  processes: [ { name: db, oom_score_adj: 0 }, { name: app } ]   # default: one process named app\n" +
        "  steps:\n" +
        "    - malloc: 30 MiB        # 'as: p' names the pointer; 'in: db' names the process when there are several\n" +
        "      in: db\n" +
        "      as: p\n" +
        "    - touch: p              # one byte per page; access: read|write, offset:, length:\n" +
        "      in: db\n" +
        "    - calloc: { count: 1, size: 1 MiB }\n" +
        "    - realloc: p            # with size:\n" +
        "    - map_file: data.bin    # length:, offset:, shared: (true), writable: (false), as:\n" +
        "    - free: p\n" +
        "    - oom_score_adj: 500\n" +
        "    - sleep                 # time passes: kswapd catches up\n" +
        "    - exit: app\n\n" +
        "Examples:\n" +
        "  memkata scenario list                                    the built-in scenarios and their titles\n" +
        "  memkata scenario run --builtin 08-oom-killer-picks-the-biggest\n" +
        "  memkata scenario run my.yaml --format text > run.txt     plain text, the same on every run\n" +
        "  memkata scenario run --builtin 07-anonymous-pages-go-to-swap --show both --step 3   page tables and LRU lists\n" +
        "  memkata scenario run --builtin 05-full-machine-kswapd-then-direct-reclaim --format html --output run.html --lang zh-CN\n\n" +
        "Exit codes:\n" +
        "  0    the scenario ran (a process killed by the OOM killer or a SIGSEGV is an outcome, not an error)\n" +
        "  2    bad options, a missing file, an unknown built-in, or a malformed scenario (memkata: FILE:LINE:COL: problem)";

    private const string Description =
        "Run scenarios: a machine (RAM, swap, overcommit mode), processes with glibc's malloc, and the steps they take, " +
        "on the simulated kernel (demand paging, reclaim, swap, the OOM killer).";

    private const string RunDescription =
        "Run a scenario file or a built-in scenario and show what happened: the outcome of each step, the kernel's event " +
        "log, and the /proc views at the end (meminfo, each process's status and oom_score, vmstat).";

    /// <summary>Builds <c>scenario</c> and returns it with its <c>run</c> and <c>compare</c> subcommands (whose help
    /// has a section).</summary>
    public static (Command Scenario, Command Run, Command Compare) Create(CliContext context)
    {
        var fileArgument = new Argument<string?>("FILE")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "The scenario file (YAML) to run, e.g. scenarios/my.yaml; the format is shown below.",
        };
        fileArgument.Validators.Add(TraceArgumentValidator.RejectOptionLookalikes);
        var builtinOption = new Option<string?>("--builtin")
        {
            Description = "Run the built-in scenario NAME instead of a file, e.g. --builtin 01-malloc-1-grows-the-heap " +
                "('memkata scenario list' shows them all).",
            HelpName = "NAME",
        };
        var formatOption = ReportFormatOption.Create(context);
        var html = new HtmlOutputOptions();

        var run = new Command("run", RunDescription) { fileArgument, builtinOption, formatOption };
        html.AddTo(run, formatOption);
        var views = new ViewOptions();
        views.AddTo(run);
        run.Validators.Add(result =>
        {
            var hasFile = result.GetValue(fileArgument) is not null;
            var hasBuiltin = result.GetResult(builtinOption) is not null;
            if (hasFile == hasBuiltin)
            {
                result.AddError(hasFile
                    ? "give either a scenario FILE or --builtin NAME, not both."
                    : "which scenario? Give a FILE, e.g. memkata scenario run my.yaml, or --builtin NAME (see memkata scenario list).");
            }
        });
        run.SetAction(parse => Run(context, parse.GetValue(fileArgument), parse.GetValue(builtinOption), parse.GetValue(formatOption) ?? ReportFormatOption.Text,
            parse.GetValue(html.Output), parse.GetValue(html.Language)!, ViewOptions.Request(parse.GetValue(views.Show), parse.GetValue(views.Step))?.Recorder()));

        var list = new Command("list", "List the built-in scenarios, in tour order, with their titles.");
        list.SetAction(_ => List(context));

        var compare = ScenarioCompareCommand.Create(context);
        var scenario = new Command("scenario", Description) { run, compare, list };
        return (scenario, run, compare);
    }

    private static int Run(CliContext context, string? path, string? builtin, string format, string? output, string language, ViewRecorder? views)
    {
        Scenario scenario;
        string name;
        try
        {
            (name, scenario) = builtin is not null ? ScenarioSource.BuiltIn(builtin) : (Path.GetFileName(path!), ScenarioSource.FromFile(path!));
            if (output is not null)
            {
                HtmlOutputOptions.Check(output);
            }
        }
        catch (Exception e) when (UserErrors.TryReport(e, context.Error))
        {
            return ExitCodes.UsageError;
        }

        if (format == HtmlOutputOptions.Html)
        {
            var film = ScenarioFilm.Record(name, builtin is not null, scenario, views);
            HtmlOutputOptions.Write(context, output!, HtmlReports.Scenario(film, ReportLanguage.Load(language)));
            return ExitCodes.Success;
        }

        var result = ScenarioRunner.Run(scenario, stepStarting: views is null ? null : views.StepStarting);
        views?.Finish(result.Steps.Count, result.Machine);
        if (format == ReportFormatOption.Text)
        {
            context.Out.Write(result.Render());
            context.Out.Flush();
        }
        else
        {
            ScenarioRunRenderer.Write(ConsoleFactory.Create(context.Out, context.UseColor), result);
        }

        if (views is not null)
        {
            context.Out.WriteLine();
            context.Out.WriteLine("## The machine after each step (--show)");
            MachineView? before = null;
            foreach (var view in views.Views)
            {
                MachineViewText.Write(context.Out, "the reference's run", view, before);
                before = view;
            }

            context.Out.Flush();
        }

        return ExitCodes.Success;
    }

    private static int List(CliContext context)
    {
        var width = BuiltInScenarios.Names.Max(n => n.Length) + 2;
        foreach (var name in BuiltInScenarios.Names)
        {
            context.Out.WriteLine(name.PadRight(width) + BuiltInScenarios.Load(name).Name);
        }

        context.Out.Flush();
        return ExitCodes.Success;
    }
}
