using MemKata.Engine.Units;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Drawings;

/// <summary>
/// RAM and swap, step by step (after each step, and inside a step that ended in an OOM kill just before the kill, each
/// picture labelled with its moment): RAM as a grid of frames (a cell stands for several frames on a large machine, and
/// takes the kind most of them hold), coloured by kind (anonymous, by owner; file clean; file dirty; free), and swap as
/// a bar of the slots each process holds. Runs of cells of one colour along a row are one rectangle, so a 4 GiB
/// machine costs no more than a small one.
/// </summary>
internal static class FrameMapDrawing
{
    private const int Columns = 128;
    private const double Cell = 6;
    private const double Left = 250;
    private const double RowGap = 36;

    /// <summary>The drawing of <paramref name="snapshots"/>, each labelled by <paramref name="labels"/> (its step) and
    /// its moment (<see cref="MachineSnapshot.Moment"/>).</summary>
    public static string Render(IReadOnlyList<MachineSnapshot> snapshots, IReadOnlyList<string> labels, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(labels);
        var first = snapshots[0].Ram;
        var rows = (first.Cells.Count + Columns - 1) / Columns;
        var blockHeight = (rows * Cell) + 14 + RowGap;
        var svg = new Svg("ram-frames", Left + (Columns * Cell) + 20, 40 + (snapshots.Count * blockHeight), t["ram.title"]);
        Legend(svg, first, t);
        for (var i = 0; i < snapshots.Count; i++)
        {
            Step(svg, snapshots[i], labels[i], 40 + (i * blockHeight), t);
        }

        return svg.Render();
    }

    private static void Legend(Svg svg, FrameCensus ram, ReportLanguage t)
    {
        var x = Left;
        foreach (var (cls, key) in new[] { ("f-anon1", "ram.anon"), ("f-clean", "ram.clean"), ("f-dirty", "ram.dirty"), ("f-free", "ram.free"), ("f-swap", "ram.swap") })
        {
            svg.Rect(x, 8, 12, 12, cls);
            svg.Text(x + 16, 18, t[key]);
            x += 34 + TextWidth.Of(t[key]);
        }

        svg.Text(Left, 34, t.Format("ram.scale", ram.FramesPerCell, ByteSizeFormat.Scaled((ulong)ram.FramesPerCell * PageUnits.PageSize)), "lbl small dim");
    }

    private static void Step(Svg svg, MachineSnapshot snapshot, string label, double y, ReportLanguage t)
    {
        var ram = snapshot.Ram;
        var peak = snapshot.Moment == SnapshotMoment.BeforeOomKill;
        svg.Group(peak ? "ram-step peak" : "ram-step");
        svg.Text(Left - 12, y + 12, TextWidth.Clip(label, 31), "lbl mono", "end", label);
        if (snapshot.AfterStep > 0)
        {
            svg.Text(Left - 12, y + 26, peak ? t["ram.beforeKill"] : t["ram.after"], peak ? "lbl small warn" : "lbl small dim", "end");
        }

        svg.Text(Left - 12, y + 40, t.Format("ram.counts", ram.Count(FrameKind.Anonymous), ram.Count(FrameKind.FileClean) + ram.Count(FrameKind.FileDirty), ram.Count(FrameKind.Free)), "lbl small dim", "end");
        for (var row = 0; row * Columns < ram.Cells.Count; row++)
        {
            var start = row * Columns;
            var end = Math.Min(ram.Cells.Count, start + Columns);
            var runStart = start;
            for (var c = start + 1; c <= end; c++)
            {
                if (c < end && ClassOf(ram, c) == ClassOf(ram, runStart))
                {
                    continue;
                }

                svg.Rect(Left + ((runStart - start) * Cell), y + (row * Cell), (c - runStart) * Cell, Cell, ClassOf(ram, runStart), Describe(ram, runStart, c, t));
                runStart = c;
            }
        }

        var swapY = y + (((ram.Cells.Count + Columns - 1) / Columns) * Cell) + 4;
        var width = Columns * Cell;
        svg.Rect(Left, swapY, width, 8, "swap-free", t.Format("ram.swapFree", snapshot.SwapSlots - snapshot.SwapUsed, snapshot.SwapSlots));
        if (snapshot.SwapSlots > 0)
        {
            var x = Left;
            foreach (var p in snapshot.Processes.Where(p => p.SwapEntries > 0))
            {
                var w = width * p.SwapEntries / snapshot.SwapSlots;
                svg.Rect(x, swapY, w, 8, "f-swap", t.Format("ram.swapOf", p.Name, p.Pid, p.SwapEntries, ByteSizeFormat.Scaled((ulong)p.SwapEntries * PageUnits.PageSize)));
                x += w;
            }
        }
        else
        {
            svg.Text(Left + width + 4, swapY + 8, t["ram.noswap"], "lbl small dim", "end");
        }

        svg.EndGroup();
    }

    private static string ClassOf(FrameCensus ram, int cell) => ram.Cells[cell] switch
    {
        FrameKind.Anonymous => "f-anon" + (((Math.Max(ram.Owners[cell], 1) - 1) % 4) + 1),
        FrameKind.FileClean => "f-clean",
        FrameKind.FileDirty => "f-dirty",
        FrameKind.Taken => "f-taken",
        _ => "f-free",
    };

    private static string Describe(FrameCensus ram, int from, int to, ReportLanguage t)
    {
        var kind = ram.Cells[from] switch
        {
            FrameKind.Anonymous => t.Format("ram.anonOf", ram.Owners[from]),
            FrameKind.FileClean => t["ram.clean"],
            FrameKind.FileDirty => t["ram.dirty"],
            FrameKind.Taken => t["ram.taken"],
            _ => t["ram.free"],
        };
        var firstFrame = from * ram.FramesPerCell;
        var lastFrame = Math.Min(ram.Frames, to * ram.FramesPerCell) - 1;
        return t.Format("ram.cells", kind, firstFrame, lastFrame);
    }
}
