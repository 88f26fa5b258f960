namespace MemKata.Grading.Similarity;

/// <summary>
/// Class mode: every pair of submissions compared, the stub's code and the code most of the class shares left out
/// (<see cref="SimilarityOptions.CommonShare"/>). Each submission is normalised and fingerprinted once; a pair is then a
/// merge of two sorted arrays, so 200 submissions (19 900 pairs) take well under a second of comparing
/// (docs/GRADING.md, "Similarity"). Regions are computed for the highest-scoring flagged pairs only
/// (<see cref="SimilarityOptions.MaxPairsWithRegions"/>).
/// </summary>
public static class ClassSimilarity
{
    /// <summary>Compares every pair of <paramref name="submissions"/> (name → its source files), with
    /// <paramref name="stubSources"/> as base code. Deterministic: names are taken in ordinal order.</summary>
    public static ClassSimilarityReport Compare(
        IReadOnlyDictionary<string, IReadOnlyList<SimilaritySource>> submissions,
        IReadOnlyList<SimilaritySource> stubSources,
        SimilarityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(stubSources);
        var chosen = options ?? SimilarityOptions.Default;
        var baseCode = BaseCode.From(stubSources, chosen);
        var programs = submissions.ToDictionary(
            s => s.Key, s => ProgramFingerprints.Of(s.Value, chosen, baseCode), StringComparer.Ordinal);
        return Compare(programs, chosen);
    }

    /// <summary>As above, for submissions already fingerprinted with the same options and base code (e.g. by
    /// <see cref="SimilarityChecker.Fingerprint"/> during grading).</summary>
    public static ClassSimilarityReport Compare(
        IReadOnlyDictionary<string, ProgramFingerprints> submissions, SimilarityOptions options)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(options);
        var names = submissions.Keys.Order(StringComparer.Ordinal).ToList();
        var limit = Math.Max(options.CommonMinimum, (int)Math.Ceiling(options.CommonShare * names.Count));
        var common = Common(names.Select(n => submissions[n]).ToList(), limit);
        var counted = names.Select(n => PairComparer.Counted(submissions[n], common)).ToList();
        var flagged = new List<(int Left, int Right, double Score)>();
        var highest = new double[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            for (var j = i + 1; j < names.Count; j++)
            {
                var pair = PairComparer.Compare(
                    names[i], submissions[names[i]], counted[i], names[j], submissions[names[j]], counted[j], options,
                    PairComparer.RegionPolicy.Never);
                highest[i] = Math.Max(highest[i], pair.Score);
                highest[j] = Math.Max(highest[j], pair.Score);
                if (pair.Flagged)
                {
                    flagged.Add((i, j, pair.Score));
                }
            }
        }

        // Regions (the costly part) for the highest-scoring flagged pairs only, so that a class that all copied the same
        // file still gets its report in bounded time; the others keep their score and say so.
        var ranked = flagged
            .OrderByDescending(p => p.Score)
            .ThenBy(p => names[p.Left], StringComparer.Ordinal)
            .ThenBy(p => names[p.Right], StringComparer.Ordinal);
        var pairs = ranked.Select((p, rank) => PairComparer.Compare(
                names[p.Left], submissions[names[p.Left]], counted[p.Left],
                names[p.Right], submissions[names[p.Right]], counted[p.Right],
                options,
                rank < options.MaxPairsWithRegions ? PairComparer.RegionPolicy.Always : PairComparer.RegionPolicy.Never))
            .ToList();
        return new ClassSimilarityReport(
            names.Count, common.Count, limit, pairs, names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => highest[x.i], StringComparer.Ordinal));
    }

    // Fingerprints in more submissions than the limit (the share of the class, and the minimum): the class's common code.
    private static HashSet<ulong> Common(IReadOnlyList<ProgramFingerprints> programs, int limit)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var hash in programs.SelectMany(p => p.Hashes))
        {
            counts[hash] = counts.GetValueOrDefault(hash) + 1;
        }

        return [.. counts.Where(c => c.Value > limit).Select(c => c.Key)];
    }
}
