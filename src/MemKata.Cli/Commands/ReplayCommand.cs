using System.CommandLine;
using MemKata.Cli.Rendering;
using MemKata.Cli.Replay;
using MemKata.Cli.Traces;
using MemKata.Reports.Html;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;
using MemKata.Engine.Traces;

namespace MemKata.Cli.Commands;

/// <summary><c>memkata replay [TRACE] [--format text|chunks|html] [--output FILE] [--lang en|zh-CN] [--bench N]</c>: replays a trace in a fresh simulated
/// process and shows what happened, or times the replay.</summary>
internal static class ReplayCommand
{
    /// <summary>The readable account (the default).</summary>
    public const string TextFormat = "text";

    /// <summary>One <c>ChunksFormat</c> line per operation, to compare with the C replay program.</summary>
    public const string ChunksFormatName = "chunks";

    /// <summary>Shown after the command's help: examples and exit codes.</summary>
    public const string HelpSection =
        "Examples:\n" +
        "  memkata replay                               replay the bundled tour (tour.rep)\n" +
        "  memkata replay traces/my.rep                 replay your own trace\n" +
        "  memkata replay traces/my.rep --format chunks > engine.txt\n" +
        "  memkata replay traces/my.rep --bench 100     time 100 replays\n" +
        "  memkata replay --format html --output heap.html   the heap after each operation, drawn\n" +
        "  memkata replay traces/my.rep --show-heap 10  the heap after operation 10, chunk by chunk\n" +
        "  memkata replay exercises/allocator/traces/binary.rep --exercise exercises/allocator\n" +
        "                                               your allocator on a trace: rules checked, index beside the reference's\n" +
        "  memkata replay exercises/allocator/traces/binary.rep --exercise exercises/allocator --format html --output mine.html\n" +
        "                                               the same as a page: your heap drawn after each operation\n\n" +
        "Exit codes:\n" +
        "  0    the trace ran to the end (with --exercise: and your allocator kept every heap rule)\n" +
        "  1    with --exercise: your allocator broke a heap rule, threw, or had to be stopped (time, memory)\n" +
        "  2    bad options, or a trace that is missing or malformed (memkata: FILE:LINE:COL: problem)\n" +
        "  134  the process aborted: glibc found the heap corrupt, e.g. a double free (SIGABRT)\n" +
        "  139  the process had a segmentation fault (SIGSEGV)";

    private const string Description =
        "Replay a malloclab trace (.rep) in a fresh simulated process with glibc 2.36's malloc and show what each " +
        "operation did: pointer, chunk, system calls (brk, mmap, munmap), program break; then a summary.";

    /// <summary>Builds the command; its action writes to <paramref name="context"/>'s streams.</summary>
    public static Command Create(CliContext context)
    {
        var traceArgument = new Argument<string?>("TRACE")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description =
                "The trace file to replay, e.g. traces/my.rep; without it, the bundled tour. The format (CS:APP " +
                "malloclab): 4 header numbers, one per line (suggested heap size, number of ids, number of operations, " +
                "weight), then one operation per line: 'a id size' is p[id] = malloc(size), 'r id size' is " +
                "p[id] = realloc(p[id], size), 'f id' is free(p[id]). Blank lines are allowed. As in CMU 15-213's traces, " +
                "the id -1 is NULL ('f -1' is free(NULL), 'r -1 size' is realloc(NULL, size), a block no id holds), and " +
                "lines after the header's number of operations are not read (a note on standard error says so).",
        };
        traceArgument.Validators.Add(TraceArgumentValidator.RejectOptionLookalikes);
        var formatOption = new Option<string>("--format")
        {
            Description =
                "How to show the replay: 'text' (default) is a readable account per operation and a summary; 'chunks' " +
                "is one line per operation and nothing else, e.g. '0 a 0 1 -> 672 csize=32 brk=135168', for diffing " +
                "against the C replay program on the real glibc; 'html' is an illustrated page (the heap as chunks after each " +
                "operation) written to --output FILE.",
            DefaultValueFactory = _ => TextFormat,
            HelpName = "text|chunks|html",
        };
        formatOption.AcceptOnlyFromAmong(TextFormat, ChunksFormatName, HtmlOutputOptions.Html);
        var benchOption = RoundCountOption.Create(
            "--bench",
            "Instead of showing the replay, time it: replay the trace N times (N ≥ 1), each in a fresh process, and " +
            "print the simulated cost in ns per operation and operations per second, e.g. --bench 100.");

        var showHeapOption = new Option<int?>("--show-heap")
        {
            Description = "Show the heap after operation N (0 is the first): every chunk in address order with its size, " +
                "flags and state, as the size words describe it, e.g. --show-heap 10.",
            HelpName = "N",
        };

        var exerciseOption = new Option<string?>("--exercise")
        {
            Description = "Replay with your allocator instead of glibc's: the exercise folder, e.g. exercises/allocator. It runs " +
                "in the grading worker's sandbox; the heap rules are checked on every operation, and your utilization and " +
                "simulated cost (task 8) end the report, beside the reference's when it is at hand.",
            HelpName = "DIR",
        };
        var submissionOption = new Option<string?>("--submission")
        {
            Description = "With --exercise: the folder holding your Allocator.cs. Default: the exercise folder.",
            HelpName = "DIR",
        };
        var timeoutOption = new Option<TimeSpan?>("--timeout")
        {
            Description = "With --exercise: the most CPU time your allocator may take on the trace, in seconds. Default: 10.",
            HelpName = "SECONDS",
            CustomParser = ScenarioCompareCommand.ParseTimeout,
        };

        var html = new HtmlOutputOptions();
        var command = new Command("replay", Description)
        {
            traceArgument, formatOption, benchOption, showHeapOption, exerciseOption, submissionOption, timeoutOption,
        };
        html.AddTo(command, formatOption);
        command.Validators.Add(result =>
        {
            if (result.GetResult(benchOption) is not null && result.GetValue(formatOption) is ChunksFormatName or HtmlOutputOptions.Html)
            {
                result.AddError("--bench prints timings, not chunks nor a page: use --bench N without --format.");
            }

            if (result.GetResult(showHeapOption) is not null && (result.GetValue(formatOption) is ChunksFormatName or HtmlOutputOptions.Html || result.GetResult(benchOption) is not null))
            {
                result.AddError("--show-heap adds the heap to the readable account: use it without --format and --bench.");
            }

            if (result.GetResult(exerciseOption) is not null && result.GetResult(benchOption) is not null)
            {
                result.AddError("--exercise replays your allocator as text, chunks or a page: use it without --bench.");
            }

            if (result.GetResult(exerciseOption) is null && (result.GetResult(submissionOption) is not null || result.GetResult(timeoutOption) is not null))
            {
                result.AddError("--submission and --timeout go with --exercise DIR.");
            }
        });
        command.SetAction(parse => parse.GetValue(exerciseOption) is { } exercise
            ? ReplayExercise.Run(context, parse.GetValue(traceArgument), exercise, parse.GetValue(submissionOption), parse.GetValue(timeoutOption),
                parse.GetValue(formatOption) ?? TextFormat, parse.GetValue(showHeapOption), (parse.GetValue(html.Output), parse.GetValue(html.Language)!))
            : parse.GetValue(formatOption) == HtmlOutputOptions.Html
            ? Html(context, parse.GetValue(traceArgument), parse.GetValue(html.Output)!, parse.GetValue(html.Language)!)
            : Run(context, parse.GetValue(traceArgument), parse.GetValue(formatOption) ?? TextFormat,
                parse.GetResult(benchOption) is null ? null : parse.GetValue(benchOption), parse.GetValue(showHeapOption)));
        return command;
    }

    /// <summary>How many operations <c>--bench</c> holds in memory to time, at most (as many as <c>bench</c>'s real
    /// glibc side takes).</summary>
    public const int MaxBenchOperations = BenchCommand.MaxOperations;

    private static int Run(CliContext context, string? path, string format, int? benchRounds, int? showHeap)
    {
        var trace = TraceInput.From(path);
        try
        {
            return benchRounds is { } rounds ? Bench(context, trace, rounds) : Show(context, trace, format, showHeap);
        }
        catch (Exception e) when (UserErrors.TryReport(e, context.Error))
        {
            return ExitCodes.UsageError;
        }
    }

    // The trace is read twice, streaming: through once to report a malformed line before anything is shown, then to
    // replay it. Memory grows with the ids and pages the trace uses, never with its length.
    private static int Show(CliContext context, TraceInput trace, string format, int? showHeap)
    {
        var header = trace.Check(context.Error);
        return trace.Read(reader =>
        {
            var replayer = new TraceReplayer(reader, context.AllocatorFactory, recordSyscalls: format != ChunksFormatName);
            IReplayRenderer renderer = format == ChunksFormatName
                ? new ChunksReplayRenderer(context.Out, replayer.InitialBreak)
                : new TextReplayRenderer(ConsoleFactory.Create(context.Out, context.UseColor), trace, header, replayer.InitialBreak);
            renderer.Begin();
            while (replayer.TryStep(out var step))
            {
                renderer.Operation(step);
                if (step.Index == showHeap)
                {
                    context.Out.Flush();
                    HeapText.Write(context.Out, HeapView.Of(replayer.Memory, step.Index));
                }
            }

            renderer.End(replayer.Summarize(), replayer.Crash);
            return Finish(context, replayer.Crash);
        });
    }

    // The illustrated replay: the trace is checked through once, then replayed with the heap recorded, and the page
    // written (also when the process died: the page says where).
    private static int Html(CliContext context, string? path, string output, string language)
    {
        var trace = TraceInput.From(path);
        try
        {
            trace.Check(context.Error);
            HtmlOutputOptions.Check(output);
            return trace.Read(reader =>
            {
                var replayer = new TraceReplayer(reader, context.AllocatorFactory, recordSyscalls: true);
                var film = ReplayFilm.Record(replayer);
                HtmlOutputOptions.Write(context, output, HtmlReports.Replay(film, ReportLanguage.Load(language)));
                return Finish(context, replayer.Crash);
            });
        }
        catch (Exception e) when (UserErrors.TryReport(e, context.Error))
        {
            return ExitCodes.UsageError;
        }
    }

    private static int Bench(CliContext context, TraceInput input, int rounds)
    {
        var trace = input.Load(MaxBenchOperations, "--bench holds a trace in memory to time it, so it takes", context.Error);

        // The warm-up round is a replay of its own, so that a crash is reported with its operation.
        var warmUp = new TraceReplayer(trace, context.AllocatorFactory);
        while (warmUp.TryStep(out _))
        {
        }

        if (warmUp.Crash is not null)
        {
            return Finish(context, warmUp.Crash);
        }

        var result = ReplayBenchmark.Measure(trace, context.AllocatorFactory, rounds);
        BenchmarkReport.Write(ConsoleFactory.Create(context.Out, context.UseColor), input, result);
        return ExitCodes.Success;
    }

    private static int Finish(CliContext context, ReplayCrash? crash)
    {
        if (crash is null)
        {
            return ExitCodes.Success;
        }

        CrashReport.Write(context.Error, crash);
        return ExitCodes.Of(crash);
    }
}
