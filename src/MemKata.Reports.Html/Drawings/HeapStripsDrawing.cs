using System.Globalization;
using MemKata.Contracts;
using MemKata.Engine.Units;
using MemKata.Reports.Html.Markup;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Reports.Html.Drawings;

/// <summary>
/// The heap as chunks over time, one strip per operation, as villoc draws glibc heaps: chunks in use, free (tcache,
/// fastbin or bin), the top chunk, chunks with a mapping of their own, each with its 16-byte header marked in a darker
/// band; size, flags and pointer on hover. Strips share one <see cref="AddressAxis"/>, so a chunk stays in place from
/// one strip to the next, the top chunk visibly grows and shrinks, and the break is the red tick. Chunks thinner than a
/// pixel are drawn together as one grey box that says how many.
/// </summary>
internal static class HeapStripsDrawing
{
    private const double Width = 1160;
    private const double LabelWidth = 210;
    private const double NoteWidth = 300;
    private const double StripHeight = 18;
    private const double Pitch = 23;
    private const double Top = 44;
    private const double MinBoxWidth = 1.2;

    /// <summary>The drawing of <paramref name="strips"/>.</summary>
    public static string Render(IReadOnlyList<HeapStrip> strips, ReportLanguage t)
    {
        ArgumentNullException.ThrowIfNull(strips);
        var ranges = new List<(ulong, ulong)>();
        foreach (var box in strips.SelectMany(s => s.Boxes))
        {
            ranges.Add((box.Address, Math.Min(box.End, box.Address + HeapBox.HeaderSize)));
            if (box.Size > HeapBox.HeaderSize)
            {
                ranges.Add((box.Address + HeapBox.HeaderSize, box.End));
            }
        }

        var axis = new AddressAxis(ranges, strips.Select(s => s.Break).Where(b => b != 0), LabelWidth + 10, Width - LabelWidth - NoteWidth - 20);
        var svg = new Svg("heap-strips", Width, Top + (strips.Count * Pitch) + 10, t["heap.title"]);
        Legend(svg, t);
        foreach (var (gapFrom, gapTo, bytes) in axis.Gaps())
        {
            svg.Rect(gapFrom, Top - 6, gapTo - gapFrom, (strips.Count * Pitch) + 4, "gap", t.Format("heap.gap", ByteSizeFormat.Scaled(bytes, ByteUnit.TiB)));
        }

        for (var i = 0; i < strips.Count; i++)
        {
            Strip(svg, axis, strips[i], Top + (i * Pitch), t);
        }

        return svg.Render();
    }

    private static void Legend(Svg svg, ReportLanguage t)
    {
        var x = LabelWidth + 10;
        foreach (var (cls, key) in new[] { ("c-use", "heap.inuse"), ("c-free", "heap.free"), ("c-top", "heap.top"), ("c-mmap", "heap.mmapped"), ("c-hdr", "heap.header"), ("brk", "heap.break") })
        {
            svg.Rect(x, 10, 14, 14, cls == "brk" ? "brk-key" : cls);
            svg.Text(x + 19, 22, t[key]);
            x += 30 + TextWidth.Of(t[key]);
        }
    }

    private static void Strip(Svg svg, AddressAxis axis, HeapStrip strip, double y, ReportLanguage t)
    {
        svg.Group("strip");
        svg.Text(LabelWidth, y + 13, TextWidth.Clip(strip.Label, 27), "lbl mono", "end", strip.Label);
        var clusterStart = -1.0;
        var clusterEnd = 0.0;
        var clustered = 0;
        ulong clusteredBytes = 0;
        void Flush()
        {
            if (clustered > 0)
            {
                svg.Rect(clusterStart, y, Math.Max(clusterEnd - clusterStart, MinBoxWidth), StripHeight, "c-many",
                    t.Format("heap.many", clustered, ByteSizeFormat.Scaled(clusteredBytes)));
                clustered = 0;
                clusteredBytes = 0;
            }
        }

        foreach (var box in strip.Boxes)
        {
            var x0 = axis.X(box.Address);
            var x1 = axis.X(box.End);
            if (x1 - x0 < MinBoxWidth)
            {
                if (clustered == 0)
                {
                    clusterStart = x0;
                }

                clustered++;
                clusteredBytes += box.Size;
                clusterEnd = x1;
                if (clusterEnd - clusterStart >= 3 * MinBoxWidth)
                {
                    Flush();
                }

                continue;
            }

            Flush();
            var header = axis.X(Math.Min(box.End, box.Address + HeapBox.HeaderSize));
            svg.Group("chunk", Describe(box, t));
            svg.Rect(x0, y, x1 - x0, StripHeight, ClassOf(box.Kind));
            if (header - x0 >= 1)
            {
                svg.Rect(x0, y, header - x0, StripHeight, "c-hdr");
            }

            svg.EndGroup();
        }

        Flush();
        if (strip.Break != 0)
        {
            var xb = axis.X(strip.Break);
            svg.Line(xb, y - 2, xb, y + StripHeight + 2, "brk", t.Format("heap.breakAt", HexFormat.Address(strip.Break)));
        }

        var notes = strip.Note.Split("; ", StringSplitOptions.RemoveEmptyEntries);
        for (var n = 0; n < Math.Min(notes.Length, 2); n++)
        {
            var line = n == 1 && notes.Length > 2 ? string.Join("; ", notes[1..]) : notes[n];
            svg.Text(axis.Right + 10, y + (notes.Length == 1 ? 13 : 8 + (n * 10)), TextWidth.Clip(line, 52), "small note", "start", line);
        }

        svg.EndGroup();
    }

    private static string Describe(HeapBox box, ReportLanguage t)
    {
        var flags = new List<string>();
        if ((box.Flags & ChunkHeader.PrevInUse) != 0)
        {
            flags.Add("PREV_INUSE");
        }

        if ((box.Flags & ChunkHeader.Mmapped) != 0)
        {
            flags.Add("IS_MMAPPED");
        }

        if ((box.Flags & ChunkHeader.NonMainArena) != 0)
        {
            flags.Add("NON_MAIN_ARENA");
        }

        var kind = box.Kind switch
        {
            HeapBoxKind.InUse => t["heap.inuse"],
            HeapBoxKind.Free => t["heap.free"] + " (" + box.Where + ")",
            HeapBoxKind.Top => t["heap.top"],
            HeapBoxKind.Mmapped => t["heap.mmapped"],
            _ => t["heap.fencepost"],
        };
        return t.Format("heap.chunk", kind, HexFormat.Address(box.Address), "0x" + box.Size.ToString("x", CultureInfo.InvariantCulture),
            ByteSizeFormat.Scaled(box.Size), flags.Count == 0 ? "-" : string.Join(" | ", flags), HexFormat.Address(box.Address + HeapBox.HeaderSize));
    }

    private static string ClassOf(HeapBoxKind kind) => kind switch
    {
        HeapBoxKind.InUse => "c-use",
        HeapBoxKind.Free => "c-free",
        HeapBoxKind.Top => "c-top",
        HeapBoxKind.Mmapped => "c-mmap",
        _ => "c-fence",
    };
}
