using System.Text;

namespace MemKata.Grading.Similarity;

/// <summary>
/// The hashes of the similarity check, fixed by this file alone so that fingerprints are the same in every run, on every
/// machine and in every .NET version (<see cref="string.GetHashCode()"/> is randomised per process and may not be used):
/// FNV-1a over UTF-8 for token codes, a polynomial over token codes (modulo 2^64) for k-grams, and SplitMix64's
/// finaliser to spread the k-gram hashes' bits before winnowing compares them.
/// </summary>
public static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>The odd multiplier of the k-gram polynomial.</summary>
    private const ulong Base = 0x9E3779B97F4A7C15UL;

    /// <summary>The code of a token kind such as <c>k:if</c> or <c>api:ReadWord</c>: FNV-1a (64 bits) of its UTF-8 bytes.</summary>
    public static ulong Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * FnvPrime;
        }

        return hash;
    }

    /// <summary>The hash of every k-gram of <paramref name="codes"/>: element i is the hash of codes[i .. i + k), so there
    /// are <c>codes.Count - k + 1</c> of them (none when the sequence is shorter than k). Equal k-grams have equal
    /// hashes; different ones collide with probability about 2^-64.</summary>
    public static ulong[] KGrams(IReadOnlyList<ulong> codes, int k)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (codes.Count < k)
        {
            return [];
        }

        // Rolling: h(i+1) = (h(i) - c[i] * Base^(k-1)) * Base + c[i+k], everything modulo 2^64 (unchecked wrap-around).
        var top = 1UL;
        for (var i = 1; i < k; i++)
        {
            top = unchecked(top * Base);
        }

        var hashes = new ulong[codes.Count - k + 1];
        var rolling = 0UL;
        for (var i = 0; i < k; i++)
        {
            rolling = unchecked((rolling * Base) + codes[i]);
        }

        hashes[0] = Mix(rolling);
        for (var i = 1; i < hashes.Length; i++)
        {
            rolling = unchecked(((rolling - (codes[i - 1] * top)) * Base) + codes[i + k - 1]);
            hashes[i] = Mix(rolling);
        }

        return hashes;
    }

    /// <summary>SplitMix64's finaliser: a bijection on 64-bit values that spreads every input bit over the output.</summary>
    public static ulong Mix(ulong value)
    {
        unchecked
        {
            value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
            value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
            return value ^ (value >> 31);
        }
    }
}
