namespace MemKata.Grading.Similarity;

/// <summary>A stretch of code that two programs share once normalised: where it is on each side, how many tokens it
/// holds, and the source lines of each side for an instructor to read side by side.</summary>
/// <param name="Left">The lines in the left program.</param>
/// <param name="Right">The lines in the right program.</param>
/// <param name="Tokens">How many normalised tokens match in this region.</param>
/// <param name="LeftText">The left lines' text (at most <see cref="MaxTextLines"/>).</param>
/// <param name="RightText">The right lines' text (at most <see cref="MaxTextLines"/>).</param>
public sealed record MatchRegion(
    SourceLines Left,
    SourceLines Right,
    int Tokens,
    IReadOnlyList<string> LeftText,
    IReadOnlyList<string> RightText)
{
    /// <summary>The most lines of text a region keeps per side.</summary>
    public const int MaxTextLines = 40;
}
