namespace MemKata.Grading.Similarity;

/// <summary>
/// How similar two programs are: a flag for an instructor to look, never a verdict (no score depends on it).
/// </summary>
/// <param name="Left">The left program's name (a submission's, or <c>reference</c>).</param>
/// <param name="Right">The right program's name.</param>
/// <param name="Score">The share of the smaller program's fingerprints found in the other, 0 to 1: <see cref="Shared"/>
/// divided by the smaller of <see cref="LeftFingerprints"/> and <see cref="RightFingerprints"/> (0 when either has
/// none). A copy scores near 1 whatever was renamed, reordered or reformatted; code written apart scores low.</param>
/// <param name="Shared">Distinct fingerprints the two have in common (base code and, in class mode, common code left
/// out).</param>
/// <param name="LeftFingerprints">Distinct fingerprints of the left program.</param>
/// <param name="RightFingerprints">Distinct fingerprints of the right program.</param>
/// <param name="Flagged">True when <see cref="Score"/> reaches the threshold and <see cref="Shared"/> the minimum
/// (<see cref="SimilarityOptions"/>).</param>
/// <param name="MatchedTokens">Normalised tokens covered by matching regions (on either side: a region has the same
/// number of tokens on both); 0 when regions were not computed.</param>
/// <param name="LeftTokens">All normalised tokens of the left program.</param>
/// <param name="RightTokens">All normalised tokens of the right program.</param>
/// <param name="Regions">The matching regions, most tokens first (computed for flagged pairs, and always against the
/// reference).</param>
public sealed record PairSimilarity(
    string Left,
    string Right,
    double Score,
    int Shared,
    int LeftFingerprints,
    int RightFingerprints,
    bool Flagged,
    int MatchedTokens,
    int LeftTokens,
    int RightTokens,
    IReadOnlyList<MatchRegion> Regions)
{
    /// <summary>What a reader should know about how either side was read (a program too deeply nested to parse), or
    /// null.</summary>
    public string? Note { get; init; }

    /// <summary>"0.93 (412 of 443 fingerprints, 2210 tokens in 6 regions)": the score and its evidence, one line.</summary>
    public string Summary =>
        $"{Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} ({Shared} of " +
        $"{Math.Min(LeftFingerprints, RightFingerprints)} fingerprints" +
        (Regions.Count > 0 ? $", {MatchedTokens} tokens in {Regions.Count} regions)" : ")");
}
