namespace MemKata.Grading.Similarity;

/// <summary>What class mode found: the flagged pairs with their regions, and each submission's highest score against
/// any classmate (flagged or not), for the class CSV.</summary>
/// <param name="Submissions">How many submissions were compared.</param>
/// <param name="CommonFingerprints">How many fingerprints were left out as the class's common code.</param>
/// <param name="CommonLimit">A fingerprint in more submissions than this was common code.</param>
/// <param name="Flagged">The flagged pairs, highest score first (then by names, ordinal); the first
/// <see cref="SimilarityOptions.MaxPairsWithRegions"/> with their regions.</param>
/// <param name="Highest">Each submission's highest score against another submission (0 when alone).</param>
public sealed record ClassSimilarityReport(
    int Submissions,
    int CommonFingerprints,
    int CommonLimit,
    IReadOnlyList<PairSimilarity> Flagged,
    IReadOnlyDictionary<string, double> Highest)
{
    /// <summary>How many pairs were compared.</summary>
    public long Pairs => (long)Submissions * (Submissions - 1) / 2;

    /// <summary>The names of the classmates <paramref name="submission"/> is flagged with, ordinal order.</summary>
    public IReadOnlyList<string> FlaggedWith(string submission) =>
        [.. Flagged.Where(p => p.Left == submission || p.Right == submission)
            .Select(p => p.Left == submission ? p.Right : p.Left)
            .Order(StringComparer.Ordinal)];
}
