namespace MemKata.Grading.Similarity;

/// <summary>
/// The matching regions of two programs, in the spirit of JPlag's greedy string tiling but seeded by the fingerprints
/// the two share (so the work is proportional to the evidence, not to the product of their lengths): each shared
/// fingerprint's k-gram is checked token by token (a hash collision gives no region), extended both ways while the
/// tokens stay equal and outside base code, and the longest of these runs are kept greedily, no token used twice on
/// either side. A run is then cut where either side passes from one member declaration to the next, so that each piece
/// is one line range per side, and neighbouring pieces are merged into regions.
/// </summary>
internal static class MatchTiling
{
    /// <summary>A hash found this often on one side is repetitive code: it seeds nothing.</summary>
    private const int MaxRepeats = 16;

    /// <summary>Pieces shorter than this (a run cut at a member boundary) are not shown.</summary>
    private const int MinPieceTokens = 6;

    /// <summary>A match of <paramref name="Length"/> tokens at <paramref name="Left"/> and <paramref name="Right"/>.</summary>
    internal readonly record struct Tile(int Left, int Right, int Length);

    /// <summary>The tiles of <paramref name="left"/> and <paramref name="right"/>, seeded by the fingerprints for which
    /// <paramref name="counts"/> is true, longest first.</summary>
    public static IReadOnlyList<Tile> Tiles(ProgramFingerprints left, ProgramFingerprints right, Func<ulong, bool> counts, int k)
    {
        var a = left.Program.Codes;
        var b = right.Program.Codes;
        var rightAt = right.Selected.Where(f => counts(f.Hash)).GroupBy(f => f.Hash)
            .Where(g => g.Count() <= MaxRepeats)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Position).ToList());
        var found = new Dictionary<int, List<(int Start, int End)>>();
        var candidates = new List<Tile>();
        foreach (var seed in left.Selected)
        {
            if (!rightAt.TryGetValue(seed.Hash, out var positions))
            {
                continue;
            }

            foreach (var j in positions)
            {
                var i = seed.Position;
                var diagonal = i - j;
                if (found.TryGetValue(diagonal, out var runs) && runs.Any(r => r.Start <= i && i < r.End))
                {
                    continue;
                }

                if (!Enumerable.Range(0, k).All(t => a[i + t] == b[j + t]))
                {
                    continue;
                }

                var (start, end) = (i, i + k);
                while (start > 0 && start - diagonal > 0 && a[start - 1] == b[start - 1 - diagonal]
                    && !left.IsBase(start - 1) && !right.IsBase(start - 1 - diagonal))
                {
                    start--;
                }

                while (end < a.Count && end - diagonal < b.Count && a[end] == b[end - diagonal]
                    && !left.IsBase(end) && !right.IsBase(end - diagonal))
                {
                    end++;
                }

                if (runs is null)
                {
                    found[diagonal] = runs = [];
                }

                runs.Add((start, end));
                candidates.Add(new Tile(start, start - diagonal, end - start));
            }
        }

        return Greedy(candidates, a.Count, b.Count, k);
    }

    // Longest first; a candidate overlapping tiles already laid keeps its longest free stretch if that is still k long.
    private static List<Tile> Greedy(List<Tile> candidates, int leftCount, int rightCount, int k)
    {
        var usedLeft = new bool[leftCount];
        var usedRight = new bool[rightCount];
        var tiles = new List<Tile>();
        foreach (var tile in candidates.OrderByDescending(t => t.Length).ThenBy(t => t.Left).ThenBy(t => t.Right))
        {
            int bestStart = 0, bestLength = 0, runStart = 0;
            for (var p = 0; p <= tile.Length; p++)
            {
                var free = p < tile.Length && !usedLeft[tile.Left + p] && !usedRight[tile.Right + p];
                if (free)
                {
                    continue;
                }

                if (p - runStart > bestLength)
                {
                    (bestStart, bestLength) = (runStart, p - runStart);
                }

                runStart = p + 1;
            }

            if (bestLength < k)
            {
                continue;
            }

            Array.Fill(usedLeft, true, tile.Left + bestStart, bestLength);
            Array.Fill(usedRight, true, tile.Right + bestStart, bestLength);
            tiles.Add(new Tile(tile.Left + bestStart, tile.Right + bestStart, bestLength));
        }

        return tiles;
    }

    /// <summary>The regions <paramref name="tiles"/> make in the two programs' sources, most tokens first (then by left
    /// position), each with its lines' text.</summary>
    public static IReadOnlyList<MatchRegion> Regions(IReadOnlyList<Tile> tiles, NormalizedProgram left, NormalizedProgram right)
    {
        var pieces = new List<(SourceLines Left, SourceLines Right, int Tokens)>();
        foreach (var tile in tiles)
        {
            var p = 0;
            while (p < tile.Length)
            {
                var unitLeft = left.Tokens[tile.Left + p].Unit;
                var unitRight = right.Tokens[tile.Right + p].Unit;
                var q = p;
                while (q < tile.Length && left.Tokens[tile.Left + q].Unit == unitLeft && right.Tokens[tile.Right + q].Unit == unitRight)
                {
                    q++;
                }

                if (q - p >= MinPieceTokens)
                {
                    pieces.Add((left.LinesOf(tile.Left + p, q - p)[0], right.LinesOf(tile.Right + p, q - p)[0], q - p));
                }

                p = q;
            }
        }

        var merged = new List<(SourceLines Left, SourceLines Right, int Tokens)>();
        foreach (var piece in pieces.OrderBy(x => x.Left.File).ThenBy(x => x.Left.First).ThenBy(x => x.Right.File).ThenBy(x => x.Right.First))
        {
            if (merged.Count > 0 && Touches(merged[^1].Left, piece.Left) && Touches(merged[^1].Right, piece.Right))
            {
                var last = merged[^1];
                merged[^1] = (Join(last.Left, piece.Left), Join(last.Right, piece.Right), last.Tokens + piece.Tokens);
            }
            else
            {
                merged.Add(piece);
            }
        }

        return [.. merged
            .OrderByDescending(r => r.Tokens).ThenBy(r => r.Left.File).ThenBy(r => r.Left.First)
            .Select(r => new MatchRegion(r.Left, r.Right, r.Tokens, Text(left, r.Left), Text(right, r.Right)))];
    }

    private static bool Touches(SourceLines before, SourceLines after) =>
        before.File == after.File && after.First <= before.Last + 2 && after.Last >= before.First - 2;

    private static SourceLines Join(SourceLines x, SourceLines y) =>
        x with { First = Math.Min(x.First, y.First), Last = Math.Max(x.Last, y.Last) };

    private static IReadOnlyList<string> Text(NormalizedProgram program, SourceLines lines) =>
        program.Text(lines.File, lines.First, Math.Min(lines.Last, lines.First + MatchRegion.MaxTextLines - 1));
}
