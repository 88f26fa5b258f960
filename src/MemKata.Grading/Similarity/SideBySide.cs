using System.Globalization;
using System.Text;

namespace MemKata.Grading.Similarity;

/// <summary>
/// The instructor's view of a pair: its score line, then its top regions, each as two columns of numbered source lines
/// (left program | right program), common indentation removed, long lines cut with <c>…</c>. Plain text, <c>\n</c> line
/// ends, the same bytes for the same pair.
/// </summary>
public static class SideBySide
{
    /// <summary>Characters per column, line number included.</summary>
    public const int ColumnWidth = 64;

    /// <summary>The pair's score line: "submission ~ reference: 0.93 (...): flagged" (or "not flagged").</summary>
    public static string Headline(PairSimilarity pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return $"{pair.Left} ~ {pair.Right}: {pair.Summary}: {(pair.Flagged ? "FLAGGED, look at it" : "not flagged")}";
    }

    /// <summary>The headline and at most <paramref name="maxRegions"/> regions side by side.</summary>
    public static string Render(PairSimilarity pair, int maxRegions)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var text = new StringBuilder(Headline(pair)).Append('\n');
        if (pair.Note is { } note)
        {
            text.Append("Note: ").Append(note).Append('\n');
        }

        var shown = pair.Regions.Take(maxRegions).ToList();
        for (var r = 0; r < shown.Count; r++)
        {
            var region = shown[r];
            text.Append(CultureInfo.InvariantCulture, $"\nRegion {r + 1} of {pair.Regions.Count}, {region.Tokens} tokens: ")
                .Append(CultureInfo.InvariantCulture, $"{pair.Left} {region.Left} ~ {pair.Right} {region.Right}\n");
            var left = Column(region.LeftText, region.Left.First);
            var right = Column(region.RightText, region.Right.First);
            for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
            {
                var cell = i < left.Count ? left[i] : "";
                text.Append(cell.PadRight(ColumnWidth)).Append(" | ").Append(i < right.Count ? right[i] : "").Append('\n');
            }

            var cut = Math.Max(region.Left.Count - region.LeftText.Count, region.Right.Count - region.RightText.Count);
            if (cut > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"... {cut} more lines\n");
            }
        }

        if (pair.Flagged && pair.Regions.Count == 0)
        {
            text.Append("(matching regions not computed for this pair: only the highest-scoring pairs get them)\n");
        }

        if (pair.Regions.Count > shown.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n({pair.Regions.Count - shown.Count} smaller regions not shown)\n");
        }

        return text.ToString();
    }

    private static List<string> Column(IReadOnlyList<string> lines, int firstLine)
    {
        var plain = lines.Select(l => l.Replace("\t", "    ", StringComparison.Ordinal).TrimEnd()).ToList();
        var indent = plain.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        var cells = new List<string>();
        for (var i = 0; i < plain.Count; i++)
        {
            var number = (firstLine + i).ToString(CultureInfo.InvariantCulture).PadLeft(4);
            var body = plain[i].Length >= indent ? plain[i][indent..] : plain[i];
            var cell = $"{number}  {body}";
            cells.Add(cell.Length > ColumnWidth ? cell[..(ColumnWidth - 1)] + "…" : cell);
        }

        return cells;
    }
}
