namespace MemKata.Grading.Similarity;

/// <summary>
/// Code every submission is given (the exercise's stub): its k-grams are no evidence of copying, so they are taken out
/// of every program's fingerprints before programs are compared, as MOSS's <c>-b</c> does. All of the stub's k-grams
/// count, not only the ones winnowing would select from it, so that no fragment of the stub survives in a submission's
/// fingerprints whatever its neighbours.
/// </summary>
public sealed class BaseCode
{
    private readonly HashSet<ulong> _hashes;

    private BaseCode(HashSet<ulong> hashes)
    {
        _hashes = hashes;
    }

    /// <summary>No base code: nothing is excluded.</summary>
    public static BaseCode None { get; } = new([]);

    /// <summary>How many distinct k-grams the base code has.</summary>
    public int Count => _hashes.Count;

    /// <summary>The base code made of <paramref name="sources"/> (each source normalised with the others, as one
    /// program), hashed with <paramref name="options"/>' k.</summary>
    public static BaseCode From(IReadOnlyList<SimilaritySource> sources, SimilarityOptions options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        var program = SyntaxNormalizer.Normalize(sources);
        return new BaseCode([.. StableHash.KGrams(program.Codes, options.K)]);
    }

    /// <summary>True when the k-gram with this hash is part of the base code.</summary>
    public bool Contains(ulong hash) => _hashes.Contains(hash);
}
