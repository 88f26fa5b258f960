namespace MemKata.Graders.Shared;

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): the seeded generator of every grader's random programs and cases,
/// tiny, fast and the same on every machine and .NET version (unlike <see cref="Random"/>).</summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        var z = _state += 0x9e3779b97f4a7c15;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="bound"/>).</summary>
    public ulong Below(ulong bound) => Next() % bound;

    /// <summary>A number in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public long Between(long low, long high) => low + (long)Below((ulong)(high - low + 1));
}
