using System.Globalization;
using MemKata.Engine.Units;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios.Views;

namespace MemKata.Reports.Html.Drawings;

/// <summary>
/// Each process's page table after a step, as <c>--show page-table</c> prints it (<see cref="PageTableView"/>): one bar
/// per mapping, its full width the mapping's length whatever its size, and on it the runs of pages whose entries say the
/// same thing: present in a frame of the process's own, the shared zero page, a page-cache page of a file, swapped out.
/// Pages with no entry (never touched, or taken back) stay white. A dark line under a run says the R/W bit is set; an
/// orange band on top, the D bit. Each run has a title (its pages and addresses), shown on hover.
/// </summary>
internal static class PageTableDrawing
{
    private const double Left = 300;
    private const double BarWidth = 620;
    private const double BarHeight = 12;
    private const double RowHeight = 22;
    private const double Top = 30;

    /// <summary>The drawing of <paramref name="tables"/> (one machine's processes), described by
    /// <paramref name="label"/>.</summary>
    public static string Render(IReadOnlyList<PageTableView> tables, string label, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(t);
        var rows = tables.Sum(p => 1 + Math.Max(1, p.Mappings.Count));
        var svg = new Svg("page-tables", Left + BarWidth + 90, Top + (rows * RowHeight) + 8, label);
        Legend(svg, t);
        var y = Top;
        foreach (var process in tables)
        {
            svg.Group("pt-process");
            svg.Text(8, y + 14, t.Format("pt.process", process.Name, process.Pid), "lbl b");
            y += RowHeight;
            if (!process.Alive || process.Mappings.Count == 0)
            {
                svg.Text(24, y + 12, process.Alive ? t["pt.empty"] : t["pt.dead"], "lbl small dim");
                y += RowHeight;
            }

            foreach (var mapping in process.Mappings)
            {
                Mapping(svg, mapping, y, t);
                y += RowHeight;
            }

            svg.EndGroup();
        }

        return svg.Render();
    }

    private static void Legend(Svg svg, ReportLanguage t)
    {
        var x = 8.0;
        foreach (var (cls, key) in new[] { ("f-anon1", "pt.present"), ("pt-zero", "pt.zero"), ("f-clean", "pt.file"), ("f-swap", "pt.swapped"), ("pt-none", "pt.none") })
        {
            svg.Rect(x, 6, 12, 12, cls);
            svg.Text(x + 16, 16, t[key], "lbl small");
            x += 30 + TextWidth.Of(t[key]);
        }

        svg.Line(x, 18, x + 14, 18, "pt-rw");
        svg.Text(x + 18, 16, t["pt.rw"], "lbl small");
        x += 34 + TextWidth.Of(t["pt.rw"]);
        svg.Rect(x, 6, 14, 3, "f-dirty");
        svg.Text(x + 18, 16, t["pt.dirty"], "lbl small");
    }

    private static void Mapping(Svg svg, MappingView mapping, double y, ReportLanguage t)
    {
        var pages = (double)((mapping.End - mapping.Start) / PageUnits.PageSize);
        var what = mapping.File ?? mapping.Kind.ToString();
        var name = $"{HexFormat.Address(mapping.Start)} {mapping.Protection} {what}";
        svg.Text(Left - 10, y + 11, TextWidth.Clip(name, 40), "lbl small mono", "end", name);
        svg.Rect(Left, y, BarWidth, BarHeight, "pt-none",
            t.Format("pt.mapping", HexFormat.Address(mapping.Start), HexFormat.Address(mapping.End), ByteSizeFormat.Scaled(mapping.End - mapping.Start), what));
        foreach (var run in mapping.Runs)
        {
            var x = Left + (BarWidth * ((run.Start - mapping.Start) / PageUnits.PageSize) / pages);
            var width = Math.Max(1.5, BarWidth * run.Pages / pages);
            svg.Rect(x, y, width, BarHeight, ClassOf(run.State), Describe(run, t));
            if (run.Writable)
            {
                svg.Line(x, y + BarHeight + 1.5, x + width, y + BarHeight + 1.5, "pt-rw");
            }

            if (run.Dirty)
            {
                svg.Rect(x, y, width, 3, "f-dirty");
            }
        }

        var touched = mapping.Runs.Sum(r => r.Pages);
        svg.Text(Left + BarWidth + 6, y + 11, string.Create(CultureInfo.InvariantCulture, $"{touched}/{pages:0}"), "lbl small dim");
    }

    private static string ClassOf(PageState state) => state switch
    {
        PageState.Present => "f-anon1",
        PageState.ZeroPage => "pt-zero",
        PageState.File => "f-clean",
        _ => "f-swap",
    };

    private static string Describe(PageRun run, ReportLanguage t)
    {
        var end = run.Start + ((ulong)run.Pages * PageUnits.PageSize);
        var state = t[run.State switch
        {
            PageState.Present => "pt.present",
            PageState.ZeroPage => "pt.zero",
            PageState.File => "pt.file",
            _ => "pt.swapped",
        }];
        var bits = (run.Writable ? "rw" : "r-") + (run.Dirty ? ", " + t["pt.dirty"] : "");
        return t.Format("pt.run", run.Pages, HexFormat.Address(run.Start), HexFormat.Address(end), state, bits);
    }
}
