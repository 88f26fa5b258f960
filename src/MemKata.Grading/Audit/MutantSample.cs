using System.Text;

namespace MemKata.Grading.Audit;

/// <summary>
/// The mutants an audit grades when there are more than its cap: those with the lowest seeded hash of their
/// <see cref="Mutant.Id"/> (FNV-1a, then a SplitMix64 finalizer mixed with the seed). A mutant is chosen or not by its own
/// name and the seed, so the same file and seed always give the same sample, on every machine, and a change elsewhere in
/// the file moves the sample by at most the mutants it adds or removes.
/// </summary>
public static class MutantSample
{
    /// <summary>At most <paramref name="max"/> of <paramref name="mutants"/>, in their original order.</summary>
    public static IReadOnlyList<Mutant> Choose(IReadOnlyList<Mutant> mutants, int seed, int max)
    {
        ArgumentNullException.ThrowIfNull(mutants);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (mutants.Count <= max)
        {
            return mutants;
        }

        var chosen = mutants.Select((mutant, index) => (Key: Hash(mutant.Id, seed), Index: index))
            .OrderBy(m => m.Key).ThenBy(m => m.Index)
            .Take(max)
            .Select(m => m.Index)
            .ToHashSet();
        return [.. mutants.Where((_, index) => chosen.Contains(index))];
    }

    private static ulong Hash(string id, int seed)
    {
        const ulong FnvOffset = 14695981039346656037;
        const ulong FnvPrime = 1099511628211;
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash = (hash ^ b) * FnvPrime;
        }

        // SplitMix64's finalizer, seeded.
        var z = hash + ((ulong)(uint)seed * 0x9E3779B97F4A7C15);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
