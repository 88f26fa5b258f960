using System.Globalization;
using System.Text.RegularExpressions;
using MemKata.Engine.Kernel;

namespace MemKata.Reports.Html.Drawings;

/// <summary>
/// The free-memory readings inside a step: kswapd's wake and sleep events and every reclaim pass end their text with
/// "N pages free" (Kswapd.cs, Reclaimer.cs), the only place the engine records free memory between two steps. The
/// curve adds these points to the exact readings taken between steps; an event the log did not keep gives no point.
/// </summary>
internal static partial class FreePagesInEvents
{
    /// <summary>(sequence, free pages) for every kept kswapd or reclaim event that says how much was free.</summary>
    public static IEnumerable<(long Sequence, long FreePages)> Readings(IEnumerable<KernelEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events.Where(e => e.Kind is KernelEventKind.Kswapd or KernelEventKind.Reclaim))
        {
            var match = FreePattern().Match(e.Text);
            if (match.Success)
            {
                yield return (e.Sequence, long.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
            }
        }
    }

    [GeneratedRegex(@"(\d+) pages free", RegexOptions.CultureInvariant)]
    private static partial Regex FreePattern();
}
