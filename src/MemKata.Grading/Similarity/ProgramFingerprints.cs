namespace MemKata.Grading.Similarity;

/// <summary>
/// A program ready to be compared: its normalised tokens, the fingerprints winnowing selected from them minus those of
/// the base code, and which tokens lie inside base code (a matching region never grows into them). Built once per
/// program; comparing two is then a set intersection.
/// </summary>
public sealed class ProgramFingerprints
{
    private readonly bool[] _baseTokens;

    private ProgramFingerprints(NormalizedProgram program, IReadOnlyList<Fingerprint> selected, bool[] baseTokens)
    {
        Program = program;
        Selected = selected;
        Hashes = selected.Select(f => f.Hash).ToHashSet();
        SortedHashes = [.. Hashes.Order()];
        _baseTokens = baseTokens;
    }

    /// <summary>The normalised program.</summary>
    public NormalizedProgram Program { get; }

    /// <summary>The selected fingerprints that are not base code, by position.</summary>
    public IReadOnlyList<Fingerprint> Selected { get; }

    /// <summary>The distinct hashes of <see cref="Selected"/>: what scores count.</summary>
    public IReadOnlySet<ulong> Hashes { get; }

    /// <summary>The same hashes, ascending: two programs' shared count is a merge of these (no hashing per pair).</summary>
    public IReadOnlyList<ulong> SortedHashes { get; }

    /// <summary>The fingerprints of the program made of <paramref name="sources"/>.</summary>
    public static ProgramFingerprints Of(IReadOnlyList<SimilaritySource> sources, SimilarityOptions options, BaseCode baseCode) =>
        Of(SyntaxNormalizer.Normalize(sources), options, baseCode);

    /// <summary>The fingerprints of <paramref name="program"/>, with <paramref name="options"/>' k and window, the k-grams
    /// of <paramref name="baseCode"/> left out.</summary>
    public static ProgramFingerprints Of(NormalizedProgram program, SimilarityOptions options, BaseCode baseCode)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(baseCode);
        var kgrams = StableHash.KGrams(program.Codes, options.K);
        var baseTokens = new bool[program.Tokens.Count];
        for (var i = 0; i < kgrams.Length; i++)
        {
            if (baseCode.Contains(kgrams[i]))
            {
                Array.Fill(baseTokens, true, i, options.K);
            }
        }

        var selected = Winnowing.Select(kgrams, options.Window).Where(f => !baseCode.Contains(f.Hash)).ToList();
        return new ProgramFingerprints(program, selected, baseTokens);
    }

    /// <summary>True when token <paramref name="index"/> lies inside a k-gram of the base code.</summary>
    public bool IsBase(int index) => _baseTokens[index];
}
