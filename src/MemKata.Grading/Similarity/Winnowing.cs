namespace MemKata.Grading.Similarity;

/// <summary>
/// Winnowing (Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document fingerprinting", SIGMOD 2003, the
/// algorithm behind MOSS): of every window of <c>w</c> consecutive k-gram hashes, keep the smallest (the rightmost one on
/// a tie), each selected position once. The guarantee the check relies on: two token sequences that share a run of at
/// least <c>w + k - 1</c> tokens share at least one selected hash, because a whole window of equal hashes lies inside
/// the run and both sides select its minimum. Shorter common runs may or may not be seen. About 2 / (w + 1) of the
/// k-grams are kept.
/// </summary>
public static class Winnowing
{
    /// <summary>The fingerprints of <paramref name="kgramHashes"/> (as <see cref="StableHash.KGrams"/> gives them) with
    /// window <paramref name="window"/>, by position. A sequence shorter than one window keeps its single minimum.</summary>
    public static IReadOnlyList<Fingerprint> Select(IReadOnlyList<ulong> kgramHashes, int window)
    {
        ArgumentNullException.ThrowIfNull(kgramHashes);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var selected = new List<Fingerprint>();
        if (kgramHashes.Count == 0)
        {
            return selected;
        }

        var last = -1;
        var windows = Math.Max(1, kgramHashes.Count - window + 1);
        for (var start = 0; start < windows; start++)
        {
            var end = Math.Min(start + window, kgramHashes.Count);

            // The rightmost minimum, as in the paper: while the window slides over a run of equal minima, one is kept.
            var best = start;
            for (var i = start + 1; i < end; i++)
            {
                if (kgramHashes[i] <= kgramHashes[best])
                {
                    best = i;
                }
            }

            if (best != last)
            {
                selected.Add(new Fingerprint(kgramHashes[best], best));
                last = best;
            }
        }

        return selected;
    }
}
