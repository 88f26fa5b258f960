namespace MemKata.Grading.Similarity;

/// <summary>Compares two fingerprinted programs: the score from their fingerprint sets (an intersection of two sorted
/// arrays), then,
/// when asked, the matching regions (<see cref="MatchTiling"/>).</summary>
public static class PairComparer
{
    /// <summary>
    /// How similar <paramref name="left"/> and <paramref name="right"/> are. Fingerprints in <paramref name="ignored"/>
    /// (class mode's common code) count on neither side. Regions are computed when <paramref name="regions"/> is
    /// <see cref="RegionPolicy.Always"/>, or the pair is flagged and it is <see cref="RegionPolicy.WhenFlagged"/>.
    /// </summary>
    public static PairSimilarity Compare(
        string leftName,
        ProgramFingerprints left,
        string rightName,
        ProgramFingerprints right,
        SimilarityOptions options,
        RegionPolicy regions = RegionPolicy.WhenFlagged,
        IReadOnlySet<ulong>? ignored = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Compare(leftName, left, Counted(left, ignored), rightName, right, Counted(right, ignored), options, regions);
    }

    /// <summary>The hashes of <paramref name="program"/> that count (ascending): all but the <paramref name="ignored"/>
    /// ones. Class mode computes this once per submission.</summary>
    internal static ulong[] Counted(ProgramFingerprints program, IReadOnlySet<ulong>? ignored) =>
        ignored is null or { Count: 0 } ? [.. program.SortedHashes] : [.. program.SortedHashes.Where(h => !ignored.Contains(h))];

    /// <summary><see cref="Compare(string, ProgramFingerprints, string, ProgramFingerprints, SimilarityOptions,
    /// RegionPolicy, IReadOnlySet{ulong})"/> with the counted hashes of each side given (ascending).</summary>
    internal static PairSimilarity Compare(
        string leftName,
        ProgramFingerprints left,
        ulong[] leftCounted,
        string rightName,
        ProgramFingerprints right,
        ulong[] rightCounted,
        SimilarityOptions options,
        RegionPolicy regions)
    {
        ArgumentNullException.ThrowIfNull(options);
        var shared = SharedCount(leftCounted, rightCounted);
        var smaller = Math.Min(leftCounted.Length, rightCounted.Length);
        var score = smaller == 0 ? 0 : (double)shared / smaller;
        var flagged = score >= options.Threshold && shared >= options.MinShared;
        IReadOnlyList<MatchRegion> found = [];
        var matched = 0;
        if (regions == RegionPolicy.Always || (regions == RegionPolicy.WhenFlagged && flagged))
        {
            var counted = leftCounted.Intersect(rightCounted).ToHashSet();
            var tiles = MatchTiling.Tiles(left, right, counted.Contains, options.K);
            matched = tiles.Sum(t => t.Length);
            found = MatchTiling.Regions(tiles, left.Program, right.Program);
        }

        var notes = new[] { left.Program.Note, right.Program.Note }.OfType<string>().ToList();
        return new PairSimilarity(
            leftName, rightName, score, shared, leftCounted.Length, rightCounted.Length, flagged, matched,
            left.Program.Tokens.Count, right.Program.Tokens.Count, found)
        {
            Note = notes.Count == 0 ? null : string.Join("; ", notes),
        };
    }

    // Both ascending and distinct: one merge pass.
    private static int SharedCount(ulong[] left, ulong[] right)
    {
        int i = 0, j = 0, shared = 0;
        while (i < left.Length && j < right.Length)
        {
            var order = left[i].CompareTo(right[j]);
            shared += order == 0 ? 1 : 0;
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }

        return shared;
    }

    /// <summary>When a comparison computes matching regions (the costly part).</summary>
    public enum RegionPolicy
    {
        /// <summary>Only for a flagged pair: class mode compares every pair and explains the flagged ones.</summary>
        WhenFlagged,

        /// <summary>Always: one submission against the reference.</summary>
        Always,

        /// <summary>Never: the score alone.</summary>
        Never,
    }
}
