namespace MemKata.Grading.Similarity;

/// <summary>
/// A program as the similarity check sees it (<see cref="SyntaxNormalizer"/>): one token sequence, its member declarations
/// in a canonical order so that reordering members changes nothing, with each token's source line kept for reports.
/// </summary>
public sealed class NormalizedProgram
{
    private readonly ulong[] _codes;

    /// <summary>A program of <paramref name="tokens"/> read from <paramref name="sources"/>.</summary>
    public NormalizedProgram(IReadOnlyList<SimilaritySource> sources, IReadOnlyList<NormalizedToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(tokens);
        Sources = sources;
        Tokens = tokens;
        _codes = [.. tokens.Select(t => t.Code)];
    }

    /// <summary>Why this program was normalised less than usual (<see cref="LexicalFallback"/>); null normally.</summary>
    public string? Note { get; init; }

    /// <summary>The source files, in the order given.</summary>
    public IReadOnlyList<SimilaritySource> Sources { get; }

    /// <summary>The tokens, member declarations in canonical order.</summary>
    public IReadOnlyList<NormalizedToken> Tokens { get; }

    /// <summary>The tokens' codes alone, in the same order.</summary>
    public IReadOnlyList<ulong> Codes => _codes;

    /// <summary>The source line ranges that tokens [<paramref name="start"/>, <paramref name="start"/> +
    /// <paramref name="length"/>) cover, one per member declaration they touch, in token order.</summary>
    public IReadOnlyList<SourceLines> LinesOf(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Tokens.Count);
        var ranges = new List<SourceLines>();
        var i = start;
        while (i < start + length)
        {
            var unit = Tokens[i].Unit;
            var file = Tokens[i].File;
            int first = int.MaxValue, last = 0;
            for (; i < start + length && Tokens[i].Unit == unit; i++)
            {
                first = Math.Min(first, Tokens[i].Line);
                last = Math.Max(last, Tokens[i].EndLine);
            }

            ranges.Add(new SourceLines(Sources[file].Path, file, first, last));
        }

        return ranges;
    }

    /// <summary>The text of lines <paramref name="first"/>..<paramref name="last"/> (1-based, inclusive) of source file
    /// <paramref name="file"/>, one string per line, without line ends.</summary>
    public IReadOnlyList<string> Text(int file, int first, int last)
    {
        var lines = Sources[file].Text.ReplaceLineEndings("\n").Split('\n');
        return [.. lines.Skip(first - 1).Take(Math.Max(0, last - first + 1))];
    }
}
