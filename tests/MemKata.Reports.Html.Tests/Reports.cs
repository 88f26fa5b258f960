using MemKata.Engine.Libc;
using MemKata.Engine.Performance;
using MemKata.Engine.Traces;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Tests;

/// <summary>The reports the tests look at: built-in scenarios and a small trace, rendered in a language.</summary>
internal static class Reports
{
    /// <summary>The scenario whose machine runs out: kswapd, direct reclaim and swap.</summary>
    public const string Reclaim = "05-full-machine-kswapd-then-direct-reclaim";

    /// <summary>Two processes and the OOM killer.</summary>
    public const string Oom = "08-oom-killer-picks-the-biggest";

    /// <summary>The largest run: 8 GiB malloc'd and touched on 4 GiB, no swap, then the OOM kill.</summary>
    public const string EightGib = "10-malloc-8-gib-on-4-gib-x86-64-overcommit-1-swap-0g";

    /// <summary>A trace whose heap grows (132 KiB), maps a large block, unmaps it, grows past the trim threshold and is
    /// trimmed.</summary>
    public const string TraceText = "20000\n4\n8\n1\na 0 24\na 1 100000\na 2 100000\nf 2\nf 1\na 3 200000\nf 3\nf 0\n";

    /// <summary>A class of five: 12, 8, 7.5, 0 (did not compile) and 0 (no submission), out of 12, in two tasks.</summary>
    public static ClassChart Class { get; } = new(
        "counter",
        [("Graded", 3), ("CompileError", 1)],
        1,
        12,
        [12, 8, 7.5, 0, 0],
        5.5,
        7.5,
        [.. Enumerable.Range(0, 10).Select(b => new ChartBand(1.2 * b, 1.2 * (b + 1), b switch { 0 => 2, 6 => 2, 9 => 1, _ => 0 }))],
        [new("1: Count up", 6, 4.2, 6, 3, 0, 0, 2), new("2: Count down", 6, 3.3, 2, 1, 1, 1, 2)]);

    /// <summary>The report of the built-in scenario <paramref name="name"/> in <paramref name="language"/>.</summary>
    public static string Scenario(string name, string language = ReportLanguage.English) =>
        HtmlReports.Scenario(ScenarioFilm.BuiltIn(name), ReportLanguage.Load(language));

    /// <summary>The page of <c>replay --exercise</c> for <see cref="TraceText"/>, drawn from heap pictures read from the
    /// size words (as the worker sends a learner's), glibc's allocator standing in for the learner's, with
    /// <paramref name="yours"/> and <paramref name="reference"/> as the measurements.</summary>
    public static string LearnerReplay(TraceMeasurement yours, TraceMeasurement? reference, string language = ReportLanguage.English)
    {
        var trace = TraceParser.Parse(new StringReader(TraceText), "small.rep");
        var replayer = new TraceReplayer(trace, GlibcMalloc.Factory, recordSyscalls: true);
        var sampler = new HeapFrameSampler(trace.Operations.Count);
        var frames = new List<ReplayFrame>();
        while (replayer.TryStep(out var step))
        {
            if (sampler.Wants(step))
            {
                frames.Add(new ReplayFrame(step, ReplayFilm.HeapOf(HeapView.Of(replayer.Memory, step.Index))));
            }
        }

        var film = new ReplayFilm(trace.Source, replayer.InitialBreak, frames, replayer.Summarize(), null);
        var facts = new LearnerReplayFacts("Allocator", trace.Operations.Count, true, null, null, yours, reference,
            reference is null ? null : "measured when this starter was published (traces/reference.tsv)", reference is null ? "no reference here" : null);
        return HtmlReports.Replay(film, ReportLanguage.Load(language), facts);
    }

    /// <summary>The report of <see cref="TraceText"/>'s replay.</summary>
    public static string Replay(string language = ReportLanguage.English)
    {
        var trace = TraceParser.Parse(new StringReader(TraceText), "small.rep");
        var film = ReplayFilm.Record(new TraceReplayer(trace, GlibcMalloc.Factory, recordSyscalls: true));
        return HtmlReports.Replay(film, ReportLanguage.Load(language));
    }
}
