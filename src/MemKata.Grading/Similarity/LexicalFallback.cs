using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MemKata.Grading.Similarity;

/// <summary>
/// The bounded path for text Roslyn's parser would take too long on. Parsing is fast on real code but its time grows
/// with the square of the nesting depth (20 000 nested parentheses, 40 KB, take about a minute), so a submission whose
/// brackets nest deeper than <see cref="MaxNesting"/> (real code stays under 30) is not parsed: it is lexed (linear),
/// every identifier is one token kind and every literal its kind, each file one unit in its own order. Renaming still
/// changes nothing; reordering members and the equal forms of <see cref="UnitTokenizer"/> are no longer seen. The
/// program carries a note saying so. Deterministic: the decision depends on the text alone, never on a clock.
/// </summary>
internal static class LexicalFallback
{
    /// <summary>The deepest bracket nesting ((, [, {) that is parsed.</summary>
    public const int MaxNesting = 256;

    /// <summary>The deepest bracket nesting of <paramref name="text"/>, counting brackets in strings and comments too (an
    /// overestimate is harmless: it only chooses this path).</summary>
    public static int Nesting(string text)
    {
        int depth = 0, deepest = 0;
        foreach (var c in text)
        {
            if (c is '(' or '[' or '{')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (c is ')' or ']' or '}' && depth > 0)
            {
                depth--;
            }
        }

        return deepest;
    }

    /// <summary>The lexical program of <paramref name="sources"/>, with <paramref name="note"/>.</summary>
    public static NormalizedProgram Tokenize(IReadOnlyList<SimilaritySource> sources, string note)
    {
        var tokens = new List<NormalizedToken>();
        for (var file = 0; file < sources.Count; file++)
        {
            var lines = SourceText.From(sources[file].Text).Lines;
            foreach (var token in SyntaxFactory.ParseTokens(sources[file].Text))
            {
                if (token.Span.IsEmpty || token.IsKind(SyntaxKind.EndOfFileToken))
                {
                    continue;
                }

                var code = TokenCodes.Of(token, _ => TokenCodes.AnyName);
                var span = lines.GetLinePositionSpan(token.Span);
                tokens.Add(new NormalizedToken(code, file, span.Start.Line + 1, span.End.Line + 1, file));
            }
        }

        return new NormalizedProgram(sources, tokens) { Note = note };
    }
}
