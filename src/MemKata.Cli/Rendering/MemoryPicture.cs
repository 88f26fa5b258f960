using System.Text;
using MemKata.Engine.Kernel;
using MemKata.Scenarios.Summaries;
using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>
/// Two bars that say at a glance where a machine's memory is: RAM split into anonymous pages (<c>#</c>), page cache
/// (<c>=</c>), the rest the kernel holds (<c>+</c>, page tables, libraries' data, reserves) and free (<c>.</c>); swap
/// split into used (<c>#</c>) and free (<c>.</c>). The characters carry the meaning, so the plain-text form reads the
/// same as the coloured one.
/// </summary>
internal static class MemoryPicture
{
    private const int Width = 50;

    /// <summary>Writes the bars for <paramref name="machine"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, Machine machine)
    {
        var total = machine.Config.RamPages;
        var anon = ScenarioKeyNumbers.AnonPages(machine);
        var cached = (long)machine.PageCache.CachedPages;
        var free = (long)machine.Frames.FreeFrames;
        var other = Math.Max(0, total - anon - cached - free);
        var ramLabel = "RAM  " + SizeText.Pages(total);
        var swapLabel = "swap " + SizeText.Pages(machine.Swap.TotalSlots);
        var labelWidth = Math.Max(ramLabel.Length, swapLabel.Length) + 1;

        console.MarkupLine(ramLabel.PadRight(labelWidth) + Bar(total,
            [(anon, '#', "red"), (cached, '=', "blue"), (other, '+', "grey"), (free, '.', "green")]) +
            Markup.Escape($" anon {SizeText.Pages(anon)}, page cache {SizeText.Pages(cached)}, kernel and other {SizeText.Pages(other)}, free {SizeText.Pages(free)}"));
        if (machine.Swap.TotalSlots > 0)
        {
            var used = machine.Swap.UsedSlots;
            console.MarkupLine(swapLabel.PadRight(labelWidth) + Bar(machine.Swap.TotalSlots,
                [(used, '#', "magenta"), (machine.Swap.FreeSlots, '.', "green")]) +
                Markup.Escape($" used {SizeText.Pages(used)}, free {SizeText.Pages(machine.Swap.FreeSlots)}"));
        }
        else
        {
            console.MarkupLine(swapLabel.PadRight(labelWidth) + Markup.Escape("(none: anonymous pages cannot leave RAM)"));
        }
    }

    // Segment i ends at round(sum of the first i counts × Width / total), so the bar is always Width wide; a segment
    // that is not empty gets at least one character when its neighbours can spare it.
    private static string Bar(long total, IReadOnlyList<(long Count, char Glyph, string Color)> segments)
    {
        var text = new StringBuilder("[[");
        var sum = 0L;
        var drawn = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var (count, glyph, color) = segments[i];
            sum += count;
            var end = total == 0 ? 0 : (int)Math.Round((double)sum * Width / total, MidpointRounding.AwayFromZero);
            if (count > 0 && end == drawn && drawn < Width)
            {
                end = drawn + 1;
            }

            end = Math.Min(Math.Max(end, drawn), Width);
            if (i == segments.Count - 1)
            {
                end = Width;
            }

            if (end > drawn)
            {
                text.Append('[').Append(color).Append(']').Append(glyph, end - drawn).Append("[/]");
            }

            drawn = end;
        }

        return text.Append("]]").ToString();
    }
}
