using MemKata.Scenarios.Comparing;

namespace MemKata.Cli.Comparing;

/// <summary>
/// The two runs of a comparison side by side, as lines of text. By default only excerpts around the differences are
/// shown (<see cref="Excerpts"/>: each differing row with <see cref="Context"/> rows either side, at most
/// <see cref="WindowRows"/> rows in all), each line cut to fit a terminal of <see cref="TerminalWidth"/> columns; with
/// <c>--full</c> every row, uncut. In both, every event number of the shown rows is padded to one width, so the events'
/// texts start in one column on each side and the eye can run down them.
/// </summary>
internal static class ComparisonExcerpts
{
    /// <summary>The width the default report fits: each line is at most this many characters.</summary>
    public const int TerminalWidth = 120;

    /// <summary>How many unchanged rows are shown before and after each differing row.</summary>
    public const int Context = 3;

    /// <summary>How many rows the excerpts show at most.</summary>
    public const int WindowRows = 24;

    private const string Separator = " | ";
    private const char Cut = '…';

    /// <summary>The rows the default report shows, as ranges in order: each differing row with <see cref="Context"/>
    /// rows either side, overlapping ranges merged, from the first difference on, until <see cref="WindowRows"/> rows
    /// are shown. When no row differs (a run that stopped where the reference went on), the last rows.</summary>
    public static IReadOnlyList<Range> Excerpts(IReadOnlyList<ComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var excerpts = new List<(int Start, int End)>();
        var budget = WindowRows;
        for (var i = 0; i < rows.Count && budget > 0; i++)
        {
            if (rows[i].Kind == RowKind.Same)
            {
                continue;
            }

            var start = Math.Max(i - Context, excerpts.Count > 0 ? excerpts[^1].End : 0);
            var end = Math.Min(rows.Count, i + Context + 1);
            if (excerpts.Count > 0 && start <= excerpts[^1].End)
            {
                var grown = Math.Min(end, excerpts[^1].End + budget);
                budget -= grown - excerpts[^1].End;
                excerpts[^1] = (excerpts[^1].Start, grown);
            }
            else
            {
                end = Math.Min(end, start + budget);
                budget -= end - start;
                excerpts.Add((start, end));
            }
        }

        return excerpts.Count > 0
            ? [.. excerpts.Select(e => e.Start..e.End)]
            : [Math.Max(0, rows.Count - WindowRows)..rows.Count];
    }

    /// <summary>How many rows <paramref name="excerpts"/> show.</summary>
    public static int Count(IReadOnlyList<ComparisonRow> rows, IEnumerable<Range> excerpts) =>
        excerpts.Sum(e => e.GetOffsetAndLength(rows.Count).Length);

    /// <summary>The header and the lines of <paramref name="rows"/> in <paramref name="excerpts"/> (all of them when
    /// null): a marker (<paramref name="marker"/>), the reference's line, <c>|</c>, the learner's line; between two
    /// excerpts, a line saying how many rows are left out. With <paramref name="fit"/> each side is cut to half of
    /// <see cref="TerminalWidth"/>; otherwise the left side is padded to its longest line.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<ComparisonRow> rows, IReadOnlyList<Range>? excerpts, Func<RowKind, char> marker, bool fit)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(marker);
        var spans = (excerpts ?? [Range.All]).Select(e => e.GetOffsetAndLength(rows.Count)).ToList();
        var shown = spans.SelectMany(s => rows.Skip(s.Offset).Take(s.Length)).ToList();
        var label = LabelWidth(shown);
        var side = fit
            ? (TerminalWidth - 2 - Separator.Length) / 2
            : Math.Max("reference".Length, shown.Select(r => Display(r.Reference, label).Length).DefaultIfEmpty(0).Max());
        yield return $"  {"reference".PadRight(side)}{Separator}yours";
        var next = 0;
        foreach (var (offset, length) in spans)
        {
            if (offset > next)
            {
                yield return $"  ... {Rows(offset - next)} left out ...";
            }

            foreach (var row in rows.Skip(offset).Take(length))
            {
                var (left, right) = (Display(row.Reference, label), Display(row.Yours, label));
                var line = $"{marker(row.Kind)} {Fit(left, fit ? side : int.MaxValue).PadRight(side)}{Separator}{Fit(right, fit ? side : int.MaxValue)}";
                yield return line.TrimEnd();
            }

            next = offset + length;
        }
    }

    /// <summary>A transcript line as shown side by side: a step as it is; an event indented, its number padded to
    /// <paramref name="labelWidth"/>; an empty string for no line.</summary>
    public static string Display(TranscriptLine? line, int labelWidth) => line switch
    {
        null => "",
        { IsStep: true } => line.Text,
        _ => $"  {line.Label.PadRight(labelWidth)} {line.Text}",
    };

    /// <summary>The widest event number among <paramref name="rows"/>' lines on either side.</summary>
    public static int LabelWidth(IEnumerable<ComparisonRow> rows) =>
        rows.SelectMany(r => new[] { r.Reference, r.Yours })
            .Select(l => l?.Label.Length ?? 0)
            .DefaultIfEmpty(0)
            .Max();

    private static string Rows(int n) => n == 1 ? "1 row" : $"{n} rows";

    // The text, cut to `width` characters with a mark where it was cut.
    private static string Fit(string text, int width) =>
        text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), Cut.ToString());
}
