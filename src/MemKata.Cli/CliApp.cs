using System.CommandLine;
using System.CommandLine.Invocation;
using MemKata.Cli.Commands;
using MemKata.Cli.Rendering;
using MemKata.Engine.Input;
using MemKata.Engine.Libc;
using MemKata.Grading.Publishing;

namespace MemKata.Cli;

/// <summary>
/// The <c>memkata</c> program, callable in-process: <see cref="Run(string[], TextWriter, TextWriter)"/> does what the
/// executable does, writing to the given streams instead of the console, and returns the exit code.
/// </summary>
public static class CliApp
{
    private const string Description =
        "memkata: watch what happens behind malloc. Replays allocation traces over glibc 2.36's malloc, reimplemented " +
        "over a simulated process memory, and runs scenarios on a simulated Linux kernel (paging, reclaim, swap, OOM).";

    private const string Examples =
        "Examples:\n" +
        "  memkata tour                            the guided tour: heap, mmap, demand paging, reclaim, swap, OOM killer\n" +
        "  memkata check exercises/allocator --watch   your exercise's public tests, task by task, again on every save\n" +
        "  memkata scenario run --builtin NAME     one scenario's steps, event log and /proc views (scenario list)\n" +
        "  memkata scenario compare NAME --exercise exercises/fault-handler   your component vs the reference, side by side\n" +
        "  memkata replay                          a trace tour: heap growth, mmap, thresholds, realloc, trimming\n" +
        "  memkata replay my.rep --format chunks   one line per operation, to diff with the real glibc\n" +
        "  memkata replay --help                   the trace format and every option\n";

    private const string HelpSection = Examples +
        "  memkata grade allocator                 grade your exercise with the hidden tests";

    // In a learner's starter (no hidden graders) the last example is what a learner runs instead.
    private const string StarterHelpSection = Examples +
        "  dotnet test exercises/allocator         check your exercise with its public tests";

    /// <summary>
    /// Runs <c>memkata</c> with <paramref name="args"/> (without the program name) and returns its exit code (see
    /// <see cref="ExitCodes"/>): 0 on success; 2 for bad options, a missing or a malformed trace, with one
    /// <c>memkata: ...</c> line on <paramref name="stderr"/> and nothing on <paramref name="stdout"/>; 134 or 139 when a
    /// replayed process aborted or had a segmentation fault, after everything it printed before dying. Replays use
    /// glibc's allocator. Output carries ANSI colors only when <paramref name="stdout"/> is the console, a terminal,
    /// and <c>NO_COLOR</c> is unset.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        return Run(args, new CliContext(stdout, stderr, GlibcMalloc.Factory, ColorPolicy.AllowsColor(stdout)));
    }

    /// <summary>Runs <c>memkata</c> in <paramref name="context"/> (tests give it their own allocator).</summary>
    internal static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand(Description) { HelpName = "memkata" };
        var replay = ReplayCommand.Create(context);
        root.Subcommands.Add(replay);
        var grade = GradeCommand.Create(context);
        root.Subcommands.Add(grade);
        var (snapshots, snapshotsUpdate) = SnapshotsCommand.Create(context);
        root.Subcommands.Add(snapshots);
        var (graders, gradersAudit) = GradersCommand.Create(context);
        root.Subcommands.Add(graders);
        var publish = PublishCommand.Create(context);
        root.Subcommands.Add(publish);
        var (gradescope, gradescopeBundle) = GradescopeCommand.Create(context);
        root.Subcommands.Add(gradescope);
        var sandbox = SandboxCommand.Create(context);
        root.Subcommands.Add(sandbox);
        var bench = BenchCommand.Create(context);
        root.Subcommands.Add(bench);
        var (scenario, scenarioRun, scenarioCompare) = ScenarioCommand.Create(context);
        root.Subcommands.Add(scenario);
        var tour = TourCommand.Create(context);
        root.Subcommands.Insert(0, tour);
        var check = CheckCommand.Create(context);
        root.Subcommands.Insert(1, check);
        var starter = PrebuiltTool.IsStarter(context.ToolDirectory);
        if (starter)
        {
            // They need graders/, which a starter never has: still parsed (each refuses in one line), not listed.
            foreach (var instructors in new[] { grade, snapshots, graders, publish, gradescope })
            {
                instructors.Hidden = true;
            }
        }

        HelpWithExamplesAction.Install(root, new Dictionary<Command, string>
        {
            [root] = starter ? StarterHelpSection : HelpSection,
            [replay] = ReplayCommand.HelpSection,
            [grade] = GradeCommand.HelpSection,
            [snapshotsUpdate] = SnapshotsCommand.HelpSection,
            [gradersAudit] = GradersCommand.AuditHelpSection,
            [publish] = PublishCommand.HelpSection,
            [gradescopeBundle] = GradescopeCommand.BundleHelpSection,
            [sandbox] = SandboxCommand.HelpSection,
            [bench] = BenchCommand.HelpSection,
            [scenarioRun] = ScenarioCommand.RunHelpSection,
            [scenarioCompare] = ScenarioCompareCommand.HelpSection,
            [tour] = TourCommand.HelpSection,
            [check] = CheckCommand.HelpSection,
        });

        // BenchCommand (engine vs the real glibc) joins here once MemKata.Oracle exists: see MemKata.Cli.csproj.
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            return ReportUsageErrors(parse, context.Error);
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return parse.Invoke(invocation);
        }
        catch (OutOfMemoryException e)
        {
            context.Out.Flush();
            context.Error.WriteLine(
                $"memkata: out of memory: {e.Message} The simulated process keeps every page it writes and the " +
                "simulated machine every page of its RAM in use: check the sizes the input asks for.");
            return ExitCodes.InternalError;
        }
        catch (Exception e)
        {
            context.Out.Flush();
            context.Error.WriteLine($"memkata: internal error: {e.GetType().Name}: {e.Message}");
            context.Error.WriteLine("This is a bug in memkata or an engine part that is not written yet, not a problem with your input. Details:");
            context.Error.WriteLine(e);
            return ExitCodes.InternalError;
        }
    }

    // System.CommandLine's messages, GNU style, then where to look; exit 2 as getopt programs do (its default is 1).
    private static int ReportUsageErrors(ParseResult parse, TextWriter error)
    {
        foreach (var problem in parse.Errors)
        {
            error.WriteLine($"memkata: {InputText.Escape(problem.Message)}");
        }

        var path = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            path.Insert(0, result.Command is RootCommand ? "memkata" : result.Command.Name);
        }

        error.WriteLine($"Try '{string.Join(' ', path)} --help' for the options and examples.");
        error.Flush();
        return ExitCodes.UsageError;
    }
}
