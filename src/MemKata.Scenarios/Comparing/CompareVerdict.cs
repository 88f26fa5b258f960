using System.Globalization;
using System.Text.RegularExpressions;
using MemKata.Contracts.Kernel;

namespace MemKata.Scenarios.Comparing;

/// <summary>
/// The closing verdict of <c>scenario compare</c>: identical; different only in what the exercise leaves to the learner
/// (each choice named); or different in what its rules require, with the first such line of each run. The required part
/// of each line is <see cref="RequiredView"/>'s; a reclaim policy must also write dirty file pages back and swap
/// anonymous pages out when the reference does, and keep a direct reclaim within what it was asked for plus 32 pages
/// (task 4). A run that stopped early differs in what is required.
/// </summary>
/// <param name="Kind">The conclusion.</param>
/// <param name="Reference">For <see cref="VerdictKind.Required"/>: the reference's first line that yours does not
/// match (or null: yours has a line too many).</param>
/// <param name="Yours">For <see cref="VerdictKind.Required"/>: yours at that place (or null: the reference's line has
/// no counterpart).</param>
/// <param name="Why">For <see cref="VerdictKind.Required"/>: what rule is at stake, in words.</param>
/// <param name="Choices">The learner's choices in which the runs differ (for <see cref="VerdictKind.OnlyChoices"/>, and
/// also listed beside a required difference).</param>
public sealed partial record CompareVerdict(
    VerdictKind Kind, TranscriptLine? Reference, TranscriptLine? Yours, string? Why, IReadOnlyList<string> Choices)
{
    /// <summary>The process exit code the verdict asks for: 0 identical or only choices, 1 a required difference.</summary>
    public int ExitCode => Kind == VerdictKind.Required ? 1 : 0;

    /// <summary>Judges <paramref name="yours"/> (null: no transcript) against <paramref name="reference"/> for a
    /// component of <paramref name="contract"/>; <paramref name="stopped"/> is why the learner's run ended early, or null.</summary>
    public static CompareVerdict Of(Type contract, IReadOnlyList<TranscriptLine> reference, IReadOnlyList<TranscriptLine>? yours, string? stopped)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(reference);
        var view = RequiredView.For(contract);
        var (theirs, theirHidden) = Project(view, reference);
        var (mine, myHidden) = Project(view, yours ?? []);
        var choices = theirHidden.Keys.Union(myHidden.Keys)
            .Where(k => !theirHidden.TryGetValue(k, out var a) || !myHidden.TryGetValue(k, out var b) || !a.SequenceEqual(b))
            .ToList();
        if (stopped is not null || yours is null)
        {
            // A run cut short differs in everything after it: its choices are not worth listing.
            return new(VerdictKind.Required, null, null, $"your run stopped early: {stopped ?? "there is no run to compare"}", []);
        }

        for (var i = 0; i < Math.Max(theirs.Count, mine.Count); i++)
        {
            var (a, b) = (i < theirs.Count ? theirs[i] : default, i < mine.Count ? mine[i] : default);
            if (a.Required != b.Required)
            {
                // A step's result often differs because of what happened during it: an OOM kill says more.
                var step = (a.Line ?? b.Line)!.Step;
                var (theirKill, myKill) = (Kill(theirs, step), Kill(mine, step));
                return theirKill.Required != myKill.Required
                    ? new(VerdictKind.Required, theirKill.Line, myKill.Line, Describe(theirKill.Line, myKill.Line), choices)
                    : new(VerdictKind.Required, a.Line, b.Line, Describe(a.Line, b.Line), choices);
            }
        }

        if (contract == typeof(IReclaimPolicy) && ReclaimRule(reference, yours) is { } broken)
        {
            return new(VerdictKind.Required, broken.Reference, broken.Yours, broken.Why, choices);
        }

        return reference.Select(l => l.Text).SequenceEqual(yours.Select(l => l.Text))
            ? new(VerdictKind.Identical, null, null, null, [])
            : new(VerdictKind.OnlyChoices, null, null, null, choices);
    }

    /// <summary>The verdict in one paragraph, for the text report and the HTML report's note.</summary>
    public string Text => Kind switch
    {
        VerdictKind.Identical => "Verdict: identical to the reference.",
        VerdictKind.OnlyChoices => "Verdict: the runs differ only in what is your choice (.docs/instructions.md): " +
            string.Join("; ", Choices) + ". Nothing the rules require differs.",
        _ => "Verdict: your run differs in required behaviour: " + Why +
            (Reference is { } r ? $"\n  reference  {r.Display.TrimStart()}" : "") +
            (Yours is { } y ? $"\n  yours      {y.Display.TrimStart()}" : "") +
            (Reference is null && Yours is null ? "" : Reference is null ? "\n  reference  (nothing here)" : Yours is null ? "\n  yours      (nothing here)" : "") +
            (Choices.Count > 0 ? "\n  Differences that are your choice, and not counted: " + string.Join("; ", Choices) + "." : ""),
    };

    private static (List<(string? Required, TranscriptLine? Line)> Lines, Dictionary<string, List<string>> Hidden) Project(
        RequiredView view, IReadOnlyList<TranscriptLine> lines)
    {
        var hidden = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var kept = new List<(string?, TranscriptLine?)>();
        foreach (var line in lines)
        {
            var required = view.Required(line.Text, (choice, what) =>
            {
                if (!hidden.TryGetValue(choice, out var list))
                {
                    hidden[choice] = list = [];
                }

                list.Add(what);
            });
            if (required is not null)
            {
                kept.Add((required, line));
            }
        }

        return (kept, hidden);
    }

    // The OOM killer's verdict in step `step`, if it ran.
    private static (string? Required, TranscriptLine? Line) Kill(List<(string? Required, TranscriptLine? Line)> lines, int step) =>
        lines.FirstOrDefault(l => l.Line is { } line && line.Step == step && line.Text.Contains(" OomKill: ", StringComparison.Ordinal));

    // In words, what a required difference is about, from the lines' kinds.
    private static string Describe(TranscriptLine? reference, TranscriptLine? yours)
    {
        var text = (reference ?? yours)!.Text;
        var where = (reference ?? yours)!.Step == 0 ? "while the processes start" : $"in step {(reference ?? yours)!.Step}";
        var what = text.Contains(" OomKill: ", StringComparison.Ordinal) ? "a different OOM victim (or none)"
            : text.Contains(" ProcessExit: ", StringComparison.Ordinal) ? "a process ends differently"
            : text.Contains("Fault: ", StringComparison.Ordinal) ? "a page fault of another kind, on other pages, or missing (a copy not made, a page mapped writable too early?)"
            : text.Contains(" Syscall: ", StringComparison.Ordinal) ? "a different system call (a mapping's length, an munmap)"
            : text.Contains(" Reclaim: ", StringComparison.Ordinal) || text.Contains(" Kswapd: ", StringComparison.Ordinal) ? "reclaim ran differently (frames taken or leaked?)"
            : text.StartsWith("step ", StringComparison.Ordinal) && reference is not null && yours is not null
                && WithoutFreeFrames(reference.Text) == WithoutFreeFrames(yours.Text)
                ? "as many events, but a different number of free frames after the step (a frame taken where the reference takes none, or one never given back?)"
            : text.StartsWith("step ", StringComparison.Ordinal) ? "a step's result"
            : "a kernel event";
        return string.Create(CultureInfo.InvariantCulture, $"{what}, {where}.");
    }

    // A step line without its "  [N frames free]" end.
    private static string WithoutFreeFrames(string text)
    {
        var at = text.LastIndexOf("  [", StringComparison.Ordinal);
        return at >= 0 && text.EndsWith(" frames free]", StringComparison.Ordinal) ? text[..at] : text;
    }

    // The reclaim rules a transcript shows beyond its lines: write-back, swap-out, and direct reclaim's bound.
    private static (TranscriptLine? Reference, TranscriptLine? Yours, string Why)? ReclaimRule(
        IReadOnlyList<TranscriptLine> reference, IReadOnlyList<TranscriptLine> yours)
    {
        foreach (var line in yours)
        {
            if (DirectReclaim().Match(line.Text) is { Success: true } m
                && long.Parse(m.Groups["reclaimed"].Value, CultureInfo.InvariantCulture) > long.Parse(m.Groups["wanted"].Value, CultureInfo.InvariantCulture) + 32)
            {
                return (null, line, $"a direct reclaim freed more than it was asked for plus 32 pages, in step {line.Step} (task 4: the process is waiting).");
            }
        }

        foreach (var (pattern, what) in new[] { (WroteBack(), "wrote dirty file pages back"), (SwappedOut(), "swapped anonymous pages out") })
        {
            var theirs = reference.FirstOrDefault(l => pattern.IsMatch(l.Text));
            var mine = yours.FirstOrDefault(l => pattern.IsMatch(l.Text));
            if ((theirs is null) != (mine is null))
            {
                return (theirs, mine, theirs is null
                    ? $"your run {what}, the reference's never did (tasks 2 and 3)."
                    : $"the reference's run {what}, yours never did (tasks 2 and 3).");
            }
        }

        return null;
    }

    [GeneratedRegex(@" Reclaim: .*wrote back [1-9]", RegexOptions.CultureInvariant)]
    private static partial Regex WroteBack();

    [GeneratedRegex(@" Reclaim: .*swapped out [1-9]", RegexOptions.CultureInvariant)]
    private static partial Regex SwappedOut();

    [GeneratedRegex(@" Reclaim: direct reclaim: wanted (?<wanted>\d+), scanned \d+, reclaimed (?<reclaimed>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex DirectReclaim();
}
