namespace MemKata.Grading.Similarity;

/// <summary>
/// Compares submissions of one exercise with its reference, the stub's code left out: what grading calls for each
/// submission. Built once per exercise (the reference and the stub are normalised once); <c>Check</c> is then
/// safe to call from several threads. Its result is for instructors only and changes no score.
/// </summary>
public sealed class SimilarityChecker
{
    /// <summary>The name the reference has in results and reports.</summary>
    public const string ReferenceName = "reference";

    private readonly ProgramFingerprints _reference;

    /// <summary>A checker against <paramref name="referenceSources"/>, with <paramref name="stubSources"/> as base code
    /// (empty: none).</summary>
    public SimilarityChecker(
        IReadOnlyList<SimilaritySource> referenceSources,
        IReadOnlyList<SimilaritySource> stubSources,
        SimilarityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(referenceSources);
        ArgumentNullException.ThrowIfNull(stubSources);
        Options = options ?? SimilarityOptions.Default;
        Base = BaseCode.From(stubSources, Options);
        _reference = ProgramFingerprints.Of(referenceSources, Options, Base);
    }

    /// <summary>The parameters in use.</summary>
    public SimilarityOptions Options { get; }

    /// <summary>The stub's k-grams, left out of every comparison.</summary>
    public BaseCode Base { get; }

    /// <summary>The submission made of <paramref name="submissionSources"/> (its <c>files.solution</c> files) against the
    /// reference: left is the submission, right the reference; regions are always computed.</summary>
    public PairSimilarity Check(IReadOnlyList<SimilaritySource> submissionSources, string submissionName = "submission")
    {
        ArgumentNullException.ThrowIfNull(submissionSources);
        return Check(Fingerprint(submissionSources), submissionName);
    }

    /// <summary>As <see cref="Check(IReadOnlyList{SimilaritySource}, string)"/>, for a submission already fingerprinted
    /// with <see cref="Fingerprint"/> (class mode reuses it).</summary>
    public PairSimilarity Check(ProgramFingerprints submission, string submissionName = "submission") =>
        PairComparer.Compare(submissionName, submission, ReferenceName, _reference, Options, PairComparer.RegionPolicy.Always);

    /// <summary>The fingerprints of <paramref name="sources"/> under this checker's options and base code.</summary>
    public ProgramFingerprints Fingerprint(IReadOnlyList<SimilaritySource> sources) => ProgramFingerprints.Of(sources, Options, Base);
}
