using System.Text.RegularExpressions;
using MemKata.Contracts;
using MemKata.Contracts.Kernel;

namespace MemKata.Scenarios.Comparing;

/// <summary>
/// What of a transcript the rules of an exercise fix, from its instructions' "required" and "your choice" lists: each
/// line is rewritten without the parts that are the learner's choice (or dropped when all of it is), and each rewrite
/// is named by the choice it hides, so that a verdict can say which choices differ. A fault handler's run is required
/// but for the wording of a SIGSEGV reason; a reclaim policy's fixes the OOM victims, the processes' results and the
/// system calls, while how much each reclaim scans and takes, and so which pages fault back in, is its own; an
/// allocator's fixes its mappings, while heap addresses, heap growth and the pages touched follow from its placement.
/// </summary>
public sealed partial class RequiredView
{
    private readonly IReadOnlyList<(string Choice, Regex Pattern, string? Replacement)> _rules;

    private RequiredView(IReadOnlyList<(string Choice, Regex Pattern, string? Replacement)> rules) => _rules = rules;

    /// <summary>The view for a component implementing <paramref name="contract"/> (<see cref="IAllocator"/>,
    /// <see cref="IPageFaultHandler"/> or <see cref="IReclaimPolicy"/>).</summary>
    public static RequiredView For(Type contract)
    {
        const string Faults = "which pages fault, and how, after reclaim (it follows from which pages went out)";
        const string Placement = "which heap pages are touched (it follows from where blocks are placed)";
        return contract == typeof(IReclaimPolicy) ? new RequiredView(
            [
                ("how many pages each reclaim pass scans and frees, and so when kswapd wakes and sleeps", ReclaimOrKswapd(), null),
                (Faults, FaultEvent(), null),
                (Faults, FaultCounts(), ""),
                ("how many frames are free after a step (it follows from how much each reclaim frees)", FramesFree(), ""),
                ("the rss and swap columns of the OOM killer's table (they follow from which pages went out)", OomTable(), null),
                ("the victim's rss at its death", OomKillSizes(), "$1"),
            ])
            : contract == typeof(IAllocator) ? new RequiredView(
            [
                ("how far and when the heap grows (brk)", BrkCall(), null),
                (Placement, FaultEvent(), null),
                (Placement, FaultCounts(), ""),
                (Placement, FramesFree(), ""),
                (Placement, PagesTouched(), "$1N$2"),
                ("the addresses malloc returns in the heap", HeapAddress(), "HEAP"),
            ])
            : new RequiredView(
            [
                ("the wording of a SIGSEGV reason", SegfaultReason(), "$1"),
            ]);
    }

    /// <summary>The required part of <paramref name="text"/> (a transcript line's text), or null when all of it is the
    /// learner's choice; <paramref name="hidden"/> gets each rewrite as (choice, what it hid).</summary>
    public string? Required(string text, Action<string, string>? hidden = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (choice, pattern, replacement) in _rules)
        {
            var match = pattern.Match(text);
            if (!match.Success)
            {
                continue;
            }

            if (replacement is null)
            {
                hidden?.Invoke(choice, text);
                return null;
            }

            var rewritten = pattern.Replace(text, replacement);
            if (rewritten != text)
            {
                hidden?.Invoke(choice, string.Join('|', pattern.Matches(text).Select(m => m.Value)));
                text = rewritten;
            }
        }

        return text;
    }

    [GeneratedRegex(@"^pid \d+ (Reclaim|Kswapd): ", RegexOptions.CultureInvariant)]
    private static partial Regex ReclaimOrKswapd();

    [GeneratedRegex(@"^pid \d+ (MinorFault|MajorFault): ", RegexOptions.CultureInvariant)]
    private static partial Regex FaultEvent();

    [GeneratedRegex(@"  \[\d+ minor, \d+ major faults\](?=  \[\d+ frames free\]$|$)", RegexOptions.CultureInvariant)]
    private static partial Regex FaultCounts();

    [GeneratedRegex(@"  \[\d+ frames free\]$", RegexOptions.CultureInvariant)]
    private static partial Regex FramesFree();

    [GeneratedRegex(@"^pid \d+ OomTasks: ", RegexOptions.CultureInvariant)]
    private static partial Regex OomTable();

    [GeneratedRegex(@"^(pid \d+ OomKill: Out of memory: Killed process \d+ \([^)]*\)).*$", RegexOptions.CultureInvariant)]
    private static partial Regex OomKillSizes();

    [GeneratedRegex(@"^pid \d+ Syscall: brk\(", RegexOptions.CultureInvariant)]
    private static partial Regex BrkCall();

    [GeneratedRegex(@"(-> )\d+( pages? (written|read))", RegexOptions.CultureInvariant)]
    private static partial Regex PagesTouched();

    [GeneratedRegex(@"\b0x5555[0-9a-f]{8}\b", RegexOptions.CultureInvariant)]
    private static partial Regex HeapAddress();

    [GeneratedRegex(@"^(pid \d+ SegmentationFault: 0x[0-9a-f]+): .*$", RegexOptions.CultureInvariant)]
    private static partial Regex SegfaultReason();
}
