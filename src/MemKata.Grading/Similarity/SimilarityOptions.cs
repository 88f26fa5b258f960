namespace MemKata.Grading.Similarity;

/// <summary>
/// The similarity check's parameters. The defaults are calibrated on the repository's references, samples, stubs and
/// attacks (docs/GRADING.md, "Similarity": the measurements and why these values); change them only with a new
/// calibration.
/// </summary>
/// <param name="K">Tokens per k-gram: common runs shorter than this are never evidence.</param>
/// <param name="Window">Winnowing's window: every common run of at least <c>Window + K - 1</c> tokens is found.</param>
/// <param name="Threshold">A pair is flagged from this score up (the share of the smaller program's fingerprints found
/// in the other, 0 to 1)...</param>
/// <param name="MinShared">...and only if it shares at least this many fingerprints, so that a tiny submission (the stub
/// with one method filled in) is not flagged for the few lines any solution has.</param>
/// <param name="MaxRegions">How many matching regions a report shows side by side.</param>
public sealed record SimilarityOptions(
    int K = 14,
    int Window = 8,
    double Threshold = 0.6,
    int MinShared = 20,
    int MaxRegions = 5)
{
    /// <summary>The calibrated defaults.</summary>
    public static SimilarityOptions Default { get; } = new();

    /// <summary>In class mode, a fingerprint found in more submissions than this share of the class (and than
    /// <see cref="CommonMinimum"/>) is left out as common knowledge, as MOSS's <c>-m</c> does: the idiom every learner
    /// writes is no evidence that two of them copied.</summary>
    public double CommonShare { get; init; } = 0.5;

    /// <summary>In class mode, how many flagged pairs (the highest scores) get their matching regions computed; the
    /// others are listed with their score alone. Bounds the time of a class that all copied one file.</summary>
    public int MaxPairsWithRegions { get; init; } = 100;

    /// <summary>The fewest submissions a fingerprint must be in before <see cref="CommonShare"/> can call it common.</summary>
    public int CommonMinimum { get; init; } = 10;
}
