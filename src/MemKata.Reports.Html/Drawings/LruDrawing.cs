using System.Globalization;
using MemKata.Contracts.Kernel;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Text;
using MemKata.Scenarios.Views;

namespace MemKata.Reports.Html.Drawings;

/// <summary>
/// The LRU lists after a step, as <c>--show lru</c> prints them (<see cref="LruView"/>): one bar per list and one for
/// the free frames, on one scale (the largest list fills the width; free frames beyond it are cut, with a break mark,
/// so that a mostly free machine does not flatten the lists), each with its size in pages and, beside it, its oldest
/// pages, tail first: the ones reclaim looks at next. Anonymous lists take the anonymous colour, file lists the file
/// colour; the active lists are drawn darker than the inactive ones.
/// </summary>
internal static class LruDrawing
{
    private const double Left = 150;
    private const double BarWidth = 360;
    private const double RowHeight = 24;
    private const double Top = 8;

    /// <summary>The drawing of <paramref name="lru"/>, described by <paramref name="label"/>.</summary>
    public static string Render(LruView lru, string label, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(lru);
        ArgumentNullException.ThrowIfNull(t);
        var rows = lru.Lists.Select(l => (Name: t["lru." + l.List], l.Count, Class: ClassOf(l.List), Tail: (IReadOnlyList<LruPage>)l.Tail))
            .Append((Name: t["lru.free"], Count: lru.FreeFrames, Class: "f-free", Tail: []))
            .ToList();
        var largest = Math.Max(1, lru.Lists.Max(l => l.Count));
        var svg = new Svg("lru-lists", Left + BarWidth + 420, Top + (rows.Count * RowHeight) + 4, label);
        var y = Top;
        foreach (var (name, count, cls, tail) in rows)
        {
            svg.Text(Left - 10, y + 13, name, "lbl", "end");
            svg.Rect(Left, y, BarWidth, 16, "pt-none");
            var width = BarWidth * Math.Min(count, largest) / largest;
            var oldest = string.Join(", ", tail.Select(p => p.Owner));
            svg.Rect(Left, y, width, 16, cls, tail.Count == 0 ? null : t.Format("lru.oldest", oldest));
            if (count > largest)
            {
                svg.Line(Left + width - 14, y + 18, Left + width - 8, y - 2, "lru-break");
                svg.Line(Left + width - 9, y + 18, Left + width - 3, y - 2, "lru-break");
            }

            svg.Text(Left + width + 4, y + 12, count.ToString(CultureInfo.InvariantCulture), "lbl small");
            if (tail.Count > 0)
            {
                var text = t.Format("lru.oldest", oldest);
                svg.Text(Left + BarWidth + 44, y + 12, TextWidth.Clip(text, 64), "lbl small dim", "start", text);
            }

            y += RowHeight;
        }

        return svg.Render();
    }

    private static string ClassOf(LruList list) => list switch
    {
        LruList.ActiveAnon => "lru-active-anon",
        LruList.InactiveAnon => "f-anon1",
        LruList.ActiveFile => "lru-active-file",
        _ => "f-clean",
    };
}
