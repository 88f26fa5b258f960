namespace MemKata.Oracle.Traces;

/// <summary>
/// A small seeded pseudo-random generator (xoshiro256**, its state filled by SplitMix64 from the seed) whose sequence
/// depends on the seed alone: no clock, no process-wide state, the same numbers on every machine and .NET version. Not
/// for anything security-related.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator whose whole sequence is fixed by <paramref name="seed"/> (any value, 0 included).</summary>
    public DeterministicRandom(ulong seed)
    {
        var state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniformly distributed number in [0, <paramref name="bound"/>); <paramref name="bound"/> must be
    /// positive.</summary>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);

        // Rejection sampling: drop the few values of the last, incomplete run of bound values.
        var limit = ulong.MaxValue - (ulong.MaxValue % bound);
        ulong value;
        do
        {
            value = NextUInt64();
        }
        while (value >= limit);

        return value % bound;
    }

    /// <summary>A uniformly distributed number in [<paramref name="min"/>, <paramref name="max"/>], both included;
    /// <paramref name="min"/> must not exceed <paramref name="max"/>.</summary>
    public ulong NextInRange(ulong min, ulong max)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(min, max);
        var span = max - min;
        return span == ulong.MaxValue ? NextUInt64() : min + NextBelow(span + 1);
    }

    /// <summary>A uniformly distributed index in [0, <paramref name="count"/>); <paramref name="count"/> must be
    /// positive.</summary>
    public int NextIndex(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)NextBelow((ulong)count);
    }

    /// <summary>True with probability <paramref name="percent"/> / 100 (0 never, 100 always).</summary>
    public bool Chance(int percent) => (int)NextBelow(100) < percent;

    /// <summary>One of <paramref name="items"/>, uniformly; the list must not be empty.</summary>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items[NextIndex(items.Count)];
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
