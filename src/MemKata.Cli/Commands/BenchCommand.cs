using System.CommandLine;
using MemKata.Cli.Rendering;
using MemKata.Cli.Traces;
using MemKata.Contracts;
using MemKata.Engine.Input;
using MemKata.Engine.Traces;
using MemKata.Oracle;
using MemKata.Oracle.Traces;
using MemKata.Scenarios;

namespace MemKata.Cli.Commands;

/// <summary><c>memkata bench [TRACE...] [--rounds N]</c>: times the engine and the machine's real glibc side by side on
/// the same traces; <c>memkata bench --kernel</c> times the simulated kernel's page faults against the real kernel's.
/// Needs <c>MemKata.Oracle</c>.</summary>
internal static class BenchCommand
{
    /// <summary>Shown after the command's help: examples and exit codes.</summary>
    public const string HelpSection =
        "Examples:\n" +
        "  memkata bench                                one generated trace per profile (seed 1, 20000 operations)\n" +
        "  memkata bench traces/*.rep --rounds 50       every trace in a folder\n" +
        "  memkata bench --kernel                       8 GiB touched on a 4 GiB machine with 8 GiB swap, against the real kernel\n" +
        "  memkata bench --kernel --touch 1GiB --ram 2GiB --swap 0 --rounds 5\n\n" +
        "Exit codes:\n" +
        "  0    every trace was timed on both sides (with --kernel: both sides were timed)\n" +
        "  2    bad options, or a trace that is missing, malformed or too large to time (memkata: FILE:LINE:COL: problem)\n" +
        "  69   the real glibc cannot be run here (not Linux, or no gcc to build the replay harness)\n" +
        "  70   the replay harness failed (its command, status and output are shown)\n" +
        "  134  the engine's process aborted on heap corruption (SIGABRT)\n" +
        "  139  the engine's process had a segmentation fault (SIGSEGV)";

    /// <summary>The most operations a trace may have to be timed: what the real glibc's side (glibc-replay.c, MAX_OPS)
    /// holds. A test checks the two agree.</summary>
    public const int MaxOperations = 1 << 23;

    /// <summary>The most block ids a timed trace may use (ids from 0 to this - 1): glibc-replay.c's MAX_IDS.</summary>
    public const int MaxIds = 1 << 20;

    private const int DefaultRounds = 10;
    private const int DefaultKernelRounds = 3;
    private const int DefaultOperations = 20000;

    private const string Description =
        "Time the engine against the machine's real glibc malloc on the same traces, with the same protocol on both " +
        "sides, and show nanoseconds per operation and how many times slower the simulation is.";

    /// <summary>Builds the command; its action writes to <paramref name="context"/>'s streams.</summary>
    public static Command Create(CliContext context)
    {
        var tracesArgument = new Argument<string[]>("TRACE")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Trace files (.rep) to time, e.g. traces/my.rep; without any, one generated trace per profile " +
                "(small-request reuse, mmap threshold, trimming, coalescing, large bins, realloc, mixed). The format is " +
                "described in memkata replay --help.",
        };
        tracesArgument.Validators.Add(TraceArgumentValidator.RejectOptionLookalikes);
        var roundsOption = RoundCountOption.Create(
            "--rounds",
            $"How many timed rounds per trace and side (N ≥ 1, default {DefaultRounds}), after one untimed warm-up " +
            "round, e.g. --rounds 50.");
        roundsOption.DefaultValueFactory = _ => DefaultRounds;
        var kernelOption = new Option<bool>("--kernel")
        {
            Description = "Time the simulated kernel instead of malloc: one process touching more memory than the machine " +
                "has (page faults, reclaim, swap), against this machine's real kernel taking first-touch page faults. " +
                $"Rounds default to {DefaultKernelRounds}.",
        };
        var defaults = KernelScaleWorkload.Default;
        var touchOption = ByteSizeOption.Create("--touch", "With --kernel: how much the simulated process maps and touches, one byte per page, e.g. --touch 8GiB (the default).", defaults.TouchBytes);
        var ramOption = ByteSizeOption.Create("--ram", "With --kernel: the simulated machine's RAM, e.g. --ram 4GiB (the default).", defaults.RamBytes);
        var swapOption = ByteSizeOption.Create("--swap", "With --kernel: the simulated machine's swap, e.g. --swap 8GiB (the default); 0 for none.", defaults.SwapBytes, allowZero: true);

        var command = new Command("bench", Description) { tracesArgument, roundsOption, kernelOption, touchOption, ramOption, swapOption };
        command.Validators.Add(result =>
        {
            var kernel = result.GetValue(kernelOption);
            // A token that looks like an option is reported by the TRACE argument's own check, as an unknown option.
            var traces = result.GetValue(tracesArgument) ?? [];
            if (kernel && traces.Length > 0 && !traces.Any(t => t.StartsWith('-')))
            {
                result.AddError("--kernel times the simulated kernel, not traces: give either TRACE files or --kernel, not both.");
            }

            foreach (var option in new Option[] { touchOption, ramOption, swapOption })
            {
                if (!kernel && result.GetResult(option) is { Implicit: false })
                {
                    result.AddError($"{option.Name} only applies to the kernel benchmark: add --kernel.");
                }
            }
        });
        command.SetAction(parse => parse.GetValue(kernelOption)
            ? RunKernel(
                context,
                new KernelScaleWorkload(parse.GetValue(ramOption), parse.GetValue(swapOption), parse.GetValue(touchOption), defaults.RealTouchBytes),
                parse.GetResult(roundsOption) is { Implicit: false } ? parse.GetValue(roundsOption) : DefaultKernelRounds)
            : Run(context, parse.GetValue(tracesArgument) ?? [], parse.GetValue(roundsOption)));
        return command;
    }

    private static int RunKernel(CliContext context, KernelScaleWorkload workload, int rounds)
    {
        KernelScaleResult result;
        try
        {
            result = KernelScaleBenchmark.Run(workload, rounds);
        }
        catch (ProcessKilledException e)
        {
            context.Error.WriteLine(
                $"memkata: the simulated process was killed ({e.Message}): {ByteSize.Format(workload.TouchBytes)} does not fit in " +
                $"{ByteSize.Format(workload.RamBytes)} of RAM and {ByteSize.Format(workload.SwapBytes)} of swap; touch less or give the machine more swap.");
            return ExitCodes.UsageError;
        }

        KernelScaleReport.Write(ConsoleFactory.Create(context.Out, context.UseColor), result);
        return ExitCodes.Success;
    }

    /// <summary>The default workload: every <see cref="TraceProfile"/> once, seed 1, named by its profile.</summary>
    private static IEnumerable<Trace> DefaultTraces() =>
        Enum.GetValues<TraceProfile>().Select(profile =>
            TraceGenerator.Generate(profile, seed: 1, DefaultOperations) with { Source = $"{profile} (generated, seed 1)" });

    private static int Run(CliContext context, string[] paths, int rounds)
    {
        // Every trace is parsed before anything is timed: a malformed one, or one the real glibc's side cannot hold,
        // stops the command at once, with the user's file and line (never a temporary copy's).
        var traces = new List<Trace>();
        try
        {
            if (paths.Length == 0)
            {
                traces.AddRange(DefaultTraces());
            }

            foreach (var path in paths)
            {
                traces.Add(Load(TraceInput.From(path), context.Error));
            }
        }
        catch (Exception e) when (UserErrors.TryReport(e, context.Error))
        {
            return ExitCodes.UsageError;
        }

        // A trace that kills the engine's process is reported with its operation, as replay does.
        foreach (var trace in traces)
        {
            var replayer = new TraceReplayer(trace, context.AllocatorFactory);
            while (replayer.TryStep(out _))
            {
            }

            if (replayer.Crash is { } crash)
            {
                CrashReport.Write(context.Error, crash);
                return ExitCodes.Of(crash);
            }
        }

        if (!GlibcOracle.TryCreate(out var oracle, out var whyNot))
        {
            context.Error.WriteLine($"memkata: cannot run the real glibc on this machine: {whyNot}");
            return ExitCodes.Unavailable;
        }

        var console = ConsoleFactory.Create(context.Out, context.UseColor);
        var rows = new List<BenchmarkRow>();
        foreach (var trace in traces)
        {
            try
            {
                rows.AddRange(SideBySideBenchmark.Run([trace], rounds, oracle));
            }
            catch (Exception e) when (e is GlibcOracleException or HeapCorruptionException or SegmentationFaultException)
            {
                SideBySideReport.Write(console, rows, rounds, oracle.GlibcVersion);
                context.Error.WriteLine($"memkata: timing {InputText.Escape(trace.Source)} failed: {InputText.Escape(e.Message)}");
                return e switch
                {
                    HeapCorruptionException => ExitCodes.Aborted,
                    SegmentationFaultException => ExitCodes.SegmentationFault,
                    _ => ExitCodes.InternalError,
                };
            }
        }

        SideBySideReport.Write(console, rows, rounds, oracle.GlibcVersion);
        return ExitCodes.Success;
    }

    // A trace in memory, within what the real glibc's side takes: its operation count is checked at the header, before
    // any operation is read; its ids are counted from the operations (a header may declare more than it uses).
    private static Trace Load(TraceInput input, TextWriter notes)
    {
        var trace = input.Load(MaxOperations, "bench holds a trace in memory to time it on both sides, so it takes", notes);
        var tooLarge = trace.Operations.FirstOrDefault(op => op.Id >= MaxIds);
        if (tooLarge.LineNumber > 0)
        {
            throw new TraceFormatException(trace.Source, tooLarge.LineNumber, 1,
                $"the id {tooLarge.Id} is too large to time: the real glibc's side of bench takes ids below {MaxIds}");
        }

        return trace;
    }
}
