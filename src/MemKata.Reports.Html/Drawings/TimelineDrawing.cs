using MemKata.Engine.Kernel;
using MemKata.Engine.Units;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Drawings;

/// <summary>
/// The kernel's story along the event log (x is the event's sequence number, so a step that did much is wide): the
/// steps; minor and major faults; when kswapd was awake; kswapd's and direct reclaim's passes; each step's swap-out,
/// swap-in and writeback (from vmstat, exact even where the log was full); the OOM kills; and below, free memory against
/// the min, low and high watermarks (on a scale linear up to twice the high watermark and logarithmic above, so that the watermarks stand apart). Events are
/// counted per pixel column, so a run of millions of faults costs a few hundred shapes.
/// </summary>
internal static class TimelineDrawing
{
    private const double Width = 1180;
    private const double Left = 160;
    private const double PlotWidth = 960;
    private const double Lane = 24;
    private const double CurveHeight = 170;

    /// <summary>The timeline of <paramref name="film"/>.</summary>
    public static string Render(ScenarioFilm film, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(film);
        var machine = film.Result.Machine;
        var steps = film.Result.Steps;
        var end = Math.Max(1, machine.Events.LastSequence);
        double X(long sequence) => Left + (PlotWidth * Math.Clamp(sequence, 0, end) / end);
        string[] lanes = ["tl.steps", "tl.faults", "tl.kswapd", "tl.reclaim", "tl.io", "tl.oom"];
        var curveTop = 20 + (lanes.Length * Lane) + 24;
        var svg = new Svg("timeline", Width, curveTop + CurveHeight + 40, t["tl.title"]);
        for (var i = 0; i < lanes.Length; i++)
        {
            svg.Text(Left - 8, 20 + (i * Lane) + 15, t[lanes[i]], "lbl", "end");
            svg.Line(Left, 20 + ((i + 1) * Lane), Left + PlotWidth, 20 + ((i + 1) * Lane), "grid");
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            var x0 = X(s.EventsBefore);
            var x1 = Math.Max(X(s.LastEvent), x0 + 2);
            svg.Rect(x0, 22, x1 - x0, Lane - 4, i % 2 == 0 ? "tl-step" : "tl-step alt", $"{s.Index}. {s.Process} {s.Action} → {t.Say(s.ResultPhrase)}");
            if (x1 - x0 > 14)
            {
                svg.Text((x0 + x1) / 2, 37, s.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), "lbl small", "middle");
            }

            IoBars(svg, film, i, x0, x1, 20 + (4 * Lane), t);
        }

        var events = machine.Events.Events;
        Ticks(svg, events.Where(e => e.Kind == KernelEventKind.MinorFault), X, 20 + Lane, 0, "tl-minor", t["tl.minor"]);
        Ticks(svg, events.Where(e => e.Kind == KernelEventKind.MajorFault), X, 20 + Lane, 10, "tl-major", t["tl.major"]);
        Ticks(svg, events.Where(e => e.Kind == KernelEventKind.Reclaim && e.Pid == 0), X, 20 + (3 * Lane), 0, "tl-kswapd", t["tl.kswapdPass"]);
        Ticks(svg, events.Where(e => e.Kind == KernelEventKind.Reclaim && e.Pid != 0), X, 20 + (3 * Lane), 10, "tl-direct", t["tl.direct"]);
        KswapdAwake(svg, events, X, end, t);
        foreach (var kill in machine.OomKills)
        {
            var x = X(kill.Sequence);
            var victim = kill.Victim is { } v ? t.Format("tl.oomVictim", v.Pid, v.Name) : t["tl.oomNone"];
            svg.Path([(x, 20 + (5 * Lane) + 4), (x - 7, 20 + (6 * Lane) - 4), (x + 7, 20 + (6 * Lane) - 4)], "tl-oom", closed: true, victim);
        }

        if (machine.Events.Dropped > 0)
        {
            svg.Text(Left + PlotWidth, 14, t.Format("tl.dropped", machine.Events.Events.Count, machine.Events.Dropped), "lbl small dim", "end");
        }

        FreeCurve(svg, film, X, curveTop, t);
        return svg.Render();
    }

    private static void Ticks(Svg svg, IEnumerable<KernelEvent> events, Func<long, double> x, double laneTop, double offset, string css, string what)
    {
        var columns = new SortedDictionary<int, int>();
        foreach (var e in events)
        {
            var c = (int)x(e.Sequence);
            columns[c] = columns.GetValueOrDefault(c) + 1;
        }

        foreach (var (c, count) in columns)
        {
            svg.Rect(c, laneTop + 3 + offset, 1.5, 9, css, $"{what}: {count}");
        }
    }

    private static void KswapdAwake(Svg svg, IReadOnlyList<KernelEvent> events, Func<long, double> x, long end, ReportLanguage t)
    {
        // kswapd logs a wake only when asleep and a sleep only when awake, so its events alternate, a wake first.
        long? since = null;
        foreach (var e in events.Where(e => e.Kind == KernelEventKind.Kswapd))
        {
            if (since is { } from)
            {
                svg.Rect(x(from), 20 + (2 * Lane) + 5, Math.Max(x(e.Sequence) - x(from), 2), Lane - 10, "tl-awake", t["tl.awake"] + ": " + e.Text);
                since = null;
            }
            else
            {
                since = e.Sequence;
            }
        }

        if (since is { } open)
        {
            svg.Rect(x(open), 20 + (2 * Lane) + 5, Math.Max(x(end) - x(open), 2), Lane - 10, "tl-awake", t["tl.awake"]);
        }
    }

    private static void IoBars(Svg svg, ScenarioFilm film, int step, double x0, double x1, double laneTop, ReportLanguage t)
    {
        var delta = film.Snapshots[Math.Min(step + 1, film.Snapshots.Count - 1)].Counters - film.Snapshots[step].Counters;
        var bars = new (long Value, string Css, string Text)[]
        {
            (delta.SwapOut, "tl-swapout", t.Format("tl.swapOut", delta.SwapOut)),
            (delta.SwapIn, "tl-swapin", t.Format("tl.swapIn", delta.SwapIn)),
            (delta.WrittenBackKb / 4, "tl-writeback", t.Format("tl.writeback", delta.WrittenBackKb / 4)),
        };
        var w = Math.Max((x1 - x0 - 4) / 3, 2);
        for (var b = 0; b < bars.Length; b++)
        {
            if (bars[b].Value > 0)
            {
                var h = Math.Min(Lane - 4, 3 + (2 * Math.Log10(bars[b].Value + 1) * 2));
                svg.Rect(x0 + 2 + (b * w), laneTop + Lane - 2 - h, Math.Max(w - 1, 1.5), h, bars[b].Css, bars[b].Text);
            }
        }
    }

    private static void FreeCurve(Svg svg, ScenarioFilm film, Func<long, double> x, double top, ReportLanguage t)
    {
        var machine = film.Result.Machine;
        var marks = machine.Watermarks;
        var ram = Math.Max(1, machine.Config.RamPages);
        // A broken scale: linear up to twice the high watermark (the lower 60 %), where kswapd and direct reclaim act,
        // logarithmic from there up to all of RAM.
        var knee = Math.Min(ram, Math.Max(2 * marks.High, 1));
        double Y(long pages)
        {
            var v = Math.Clamp(pages, 0, ram);
            var share = v <= knee || ram <= knee
                ? 0.6 * v / knee
                : 0.6 + (0.4 * Math.Log((double)v / knee) / Math.Log((double)ram / knee));
            return top + CurveHeight - (CurveHeight * share);
        }

        svg.Text(Left - 8, top + 12, t["tl.free"], "lbl b", "end");
        svg.Text(Left - 8, top + 28, t["tl.scale"], "lbl small dim", "end");
        svg.Line(Left, Y(knee), Left + PlotWidth, Y(knee), "grid");
        svg.Rect(Left, top, PlotWidth, CurveHeight, "tl-plot");
        var labelY = double.MinValue;
        foreach (var (pages, key, css) in new[] { (marks.High, "tl.high", "wm-high"), (marks.Low, "tl.low", "wm-low"), (marks.Min, "tl.min", "wm-min") })
        {
            svg.Line(Left, Y(pages), Left + PlotWidth, Y(pages), css, t.Format(key, pages));

            // Watermarks close together would print their labels over each other: each goes at least a line below the last.
            labelY = Math.Max(Y(pages) + 4, labelY + 11);
            svg.Text(Left - 8, labelY, t.Format(key, pages), "lbl small " + css, "end");
        }

        svg.Text(Left - 8, top + CurveHeight + 4, "0", "lbl small", "end");
        svg.Text(Left + PlotWidth + 4, top + 4, ByteSizeFormat.Scaled((ulong)ram * PageUnits.PageSize), "lbl small");
        // Every kept event carries the free frames of its moment (KernelEvent.FreePages); with the readings between
        // steps and just before each OOM kill. A pixel column keeps its first, lowest, highest and last reading in
        // sequence order: the curve's shape, not every point.
        var points = film.Snapshots.Concat(film.Peaks).Select(s => (s.Sequence, s.FreePages))
            .Concat(machine.Events.Events.Where(e => e.FreePages >= 0).Select(e => (e.Sequence, e.FreePages)))
            .OrderBy(p => p.Item1).ThenByDescending(p => p.Item2).ToList();
        var path = new List<(double, double)>();
        foreach (var column in points.GroupBy(p => (int)x(p.Item1)))
        {
            var kept = new[] { column.First(), column.MinBy(p => p.Item2), column.MaxBy(p => p.Item2), column.Last() }
                .Distinct().OrderBy(p => p.Item1).ThenByDescending(p => p.Item2);
            path.AddRange(kept.Select(p => (x(p.Item1), Y(p.Item2))));
        }

        svg.Path(path, "free-curve", title: t["tl.free"]);
        svg.Text(Left, top + CurveHeight + 20, t.Format("tl.samples", points.Count), "lbl small dim");
    }
}
