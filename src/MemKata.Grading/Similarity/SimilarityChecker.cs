namespace MemKata.Grading.Similarity;

/// <summary>
/// Compares submissions of one exercise with its reference (or several: every copy a learner could have taken), the
/// stub's code left out: what grading calls for each submission. Built once per exercise (the references and the stub
/// are normalised once); <c>Check</c> is then safe to call from several threads. Its result is for instructors only
/// and changes no score.
/// </summary>
public sealed class SimilarityChecker
{
    /// <summary>The name the reference has in results and reports.</summary>
    public const string ReferenceName = "reference";

    private readonly IReadOnlyList<(string Name, ProgramFingerprints Program)> _references;

    /// <summary>A checker against <paramref name="referenceSources"/> (named <see cref="ReferenceName"/>), with
    /// <paramref name="stubSources"/> as base code (empty: none).</summary>
    public SimilarityChecker(
        IReadOnlyList<SimilaritySource> referenceSources,
        IReadOnlyList<SimilaritySource> stubSources,
        SimilarityOptions? options = null)
        : this([(ReferenceName, referenceSources)], stubSources, options)
    {
    }

    /// <summary>A checker against several <paramref name="references"/> (each a name for reports and its sources), with
    /// <paramref name="stubSources"/> as base code.</summary>
    public SimilarityChecker(
        IReadOnlyList<(string Name, IReadOnlyList<SimilaritySource> Sources)> references,
        IReadOnlyList<SimilaritySource> stubSources,
        SimilarityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(stubSources);
        ArgumentOutOfRangeException.ThrowIfZero(references.Count);
        Options = options ?? SimilarityOptions.Default;
        Base = BaseCode.From(stubSources, Options);
        _references = [.. references.Select(r => (r.Name, ProgramFingerprints.Of(r.Sources, Options, Base)))];
    }

    /// <summary>The references' names, in the order given.</summary>
    public IReadOnlyList<string> References => [.. _references.Select(r => r.Name)];

    /// <summary>The parameters in use.</summary>
    public SimilarityOptions Options { get; }

    /// <summary>The stub's k-grams, left out of every comparison.</summary>
    public BaseCode Base { get; }

    /// <summary>The submission made of <paramref name="submissionSources"/> (its <c>files.solution</c> files) against the
    /// references: left is the submission, right the reference it is most like (a flagged one first, then the highest
    /// score; the first given on a tie); regions are always computed.</summary>
    public PairSimilarity Check(IReadOnlyList<SimilaritySource> submissionSources, string submissionName = "submission")
    {
        ArgumentNullException.ThrowIfNull(submissionSources);
        return Check(Fingerprint(submissionSources), submissionName);
    }

    /// <summary>As <see cref="Check(IReadOnlyList{SimilaritySource}, string)"/>, for a submission already fingerprinted
    /// with <see cref="Fingerprint"/> (class mode reuses it).</summary>
    public PairSimilarity Check(ProgramFingerprints submission, string submissionName = "submission")
    {
        ArgumentNullException.ThrowIfNull(submission);
        var scored = _references
            .Select(r => PairComparer.Compare(submissionName, submission, r.Name, r.Program, Options, PairComparer.RegionPolicy.Never))
            .ToList();
        var best = scored.Select((pair, index) => (pair, index))
            .OrderByDescending(x => x.pair.Flagged).ThenByDescending(x => x.pair.Score).ThenBy(x => x.index)
            .First().index;
        return PairComparer.Compare(
            submissionName, submission, _references[best].Name, _references[best].Program, Options, PairComparer.RegionPolicy.Always);
    }

    /// <summary>The fingerprints of <paramref name="sources"/> under this checker's options and base code.</summary>
    public ProgramFingerprints Fingerprint(IReadOnlyList<SimilaritySource> sources) => ProgramFingerprints.Of(sources, Options, Base);
}
