using MemKata.Contracts.Kernel;
using MemKata.Engine.Units;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Drawings;

/// <summary>
/// One process's address space, low addresses at the bottom as textbooks draw it: the program's text, data and bss; the
/// heap growing up from the initial break; the mmap area growing down from below the stack; the stack at the top of
/// user space. Addresses span 2^47 bytes and the areas a few KiB, so the axis is broken: each area gets a height that
/// grows with the logarithm of its size, and the unused space between two areas is a zigzag band that says how much.
/// </summary>
internal static class AddressSpaceDrawing
{
    private const double Width = 560;
    private const double ColumnLeft = 150;
    private const double ColumnWidth = 200;
    private const double GapHeight = 26;

    private sealed record Area(ulong Start, ulong End, string Css, string Label, string Arrow);

    /// <summary>The drawing of <paramref name="process"/>'s address space.</summary>
    public static string Render(ProcessSnapshot process, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(process);
        var layout = process.Layout;
        var areas = new List<Area>
        {
            new(layout.ProgramStart, layout.HeapStart, "as-text", t["as.text"], ""),
        };
        foreach (var m in process.Mappings)
        {
            areas.Add(m.Kind switch
            {
                VmaKind.Heap => new Area(m.Start, m.End, "as-heap", t["as.heap"], "↑"),
                VmaKind.Anonymous => new Area(m.Start, m.End, "as-mmap", t["as.mmap"], "↓"),
                VmaKind.LibraryData => new Area(m.Start, m.End, "as-lib", t["as.libc"], ""),
                _ => new Area(m.Start, m.End, "as-file", t.Format("as.file", m.FileName ?? "?"), "↓"),
            });
        }

        // The stack: Linux places it at the top of user space; 132 KiB is what a small program's stack starts with.
        const ulong stackSize = 132 << 10;
        var stackEnd = layout.UserSpaceEnd + PageUnits.PageSize;
        areas.Add(new Area(stackEnd - stackSize, stackEnd, "as-stack", t["as.stack"], "↓"));
        areas.Sort((a, b) => a.Start.CompareTo(b.Start));

        var heights = areas.Select(a => 16 + (3.2 * Math.Log2(1 + ((a.End - a.Start) / 4096.0)))).ToList();
        var gaps = 1 + areas.Select((a, i) => i > 0 && a.Start > areas.Take(i).Max(b => b.End)).Count(g => g);
        var total = heights.Sum() + (gaps * GapHeight) + 50;
        var svg = new Svg("address-space", Width, total, t["as.title"]);
        var y = total - 20;
        ulong previousEnd = 0;
        for (var i = 0; i < areas.Count; i++)
        {
            var area = areas[i];
            if (area.Start > previousEnd)
            {
                Gap(svg, y - GapHeight, area.Start - previousEnd, t);
                y -= GapHeight;
            }

            var h = heights[i];
            y -= h;
            svg.Rect(ColumnLeft, y, ColumnWidth, h, area.Css,
                $"{area.Label}: {HexFormat.Range(area.Start, area.End)} ({ByteSizeFormat.Scaled(area.End - area.Start, ByteUnit.TiB)})");
            svg.Text(ColumnLeft + 8, y + (h / 2) + 4, $"{area.Arrow} {area.Label}".Trim(), "lbl in");
            svg.Text(ColumnLeft + ColumnWidth + 8, y + (h / 2) + 4, ByteSizeFormat.Scaled(area.End - area.Start, ByteUnit.TiB), "lbl");
            svg.Text(ColumnLeft - 6, y + h, HexFormat.Address(area.Start), "lbl mono small", "end");
            previousEnd = Math.Max(previousEnd, area.End);
        }

        svg.Text(ColumnLeft - 6, y + 4, HexFormat.Address(previousEnd), "lbl mono small", "end");
        svg.Text(ColumnLeft, y - 8, t.Format("as.top", ByteSizeFormat.Scaled(stackEnd, ByteUnit.TiB)), "lbl small");
        if (process.Break != 0)
        {
            svg.Text(ColumnLeft + ColumnWidth + 8, total - 6, t.Format("as.break", HexFormat.Address(process.Break)), "lbl small");
        }

        return svg.Render();
    }

    private static void Gap(Svg svg, double y, ulong bytes, ReportLanguage t)
    {
        var zig = new List<(double, double)>();
        for (var x = 0; x <= 10; x++)
        {
            zig.Add((ColumnLeft + (x * ColumnWidth / 10), y + (x % 2 == 0 ? 4 : 10)));
        }

        for (var x = 10; x >= 0; x--)
        {
            zig.Add((ColumnLeft + (x * ColumnWidth / 10), y + GapHeight - (x % 2 == 0 ? 10 : 4)));
        }

        svg.Path(zig, "as-gap", closed: true, t.Format("as.gap", ByteSizeFormat.Scaled(bytes, ByteUnit.TiB)));
        svg.Text(ColumnLeft + ColumnWidth + 8, y + (GapHeight / 2) + 4, t.Format("as.unused", ByteSizeFormat.Scaled(bytes, ByteUnit.TiB)), "lbl dim");
    }
}
