using System.Globalization;
using MemKata.Engine.Traces;

namespace MemKata.Oracle.Traces;

/// <summary>
/// Writes seeded malloclab traces that stress one area of glibc's malloc (a <see cref="TraceProfile"/>), for
/// differential tests against the real glibc and for benchmarks. The same profile, seed and operation count always give
/// the identical trace, on any machine: the only source of randomness is a <see cref="DeterministicRandom"/>.
/// </summary>
/// <remarks>
/// Every trace stays modest: ids below <see cref="MaxIds"/>, fewer than <see cref="MaxLiveBytes"/> requested bytes live
/// at once (the generator frees blocks of its own choosing to stay under it), single requests of at most 40 MiB apart
/// from a few that no allocator can satisfy (2^63 bytes, more than PTRDIFF_MAX, which must come back NULL; it is also the
/// largest size a <c>.rep</c> trace may hold). A malloc always targets
/// an id that holds no block, so no block is leaked by overwriting its pointer.
/// </remarks>
public static class TraceGenerator
{
    /// <summary>The most block ids a generated trace uses.</summary>
    public const int MaxIds = 1024;

    /// <summary>The cap on requested bytes live at once in any generated trace (384 MiB).</summary>
    public const ulong MaxLiveBytes = 384UL * 1024 * 1024;

    private const ulong SmallLiveBytes = 64UL * 1024 * 1024;
    private const ulong MediumLiveBytes = 128UL * 1024 * 1024;

    /// <summary>A trace of exactly <paramref name="operations"/> operations (zero or more) in the style of
    /// <paramref name="profile"/>, fully determined by <paramref name="seed"/>. Its source reads
    /// <c>generated:&lt;profile&gt;:seed=&lt;seed&gt;:ops=&lt;operations&gt;</c>.</summary>
    public static Trace Generate(TraceProfile profile, ulong seed, int operations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operations);
        if (!Enum.IsDefined(profile))
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "TraceGenerator.Generate: unknown profile");
        }

        var random = new DeterministicRandom(seed ^ ((ulong)profile * 0x9E3779B97F4A7C15));
        var (maxIds, liveBytes) = profile switch
        {
            TraceProfile.MmapThreshold => (256, MaxLiveBytes),
            TraceProfile.SmallReuse => (MaxIds, SmallLiveBytes),
            TraceProfile.TopTrimming or TraceProfile.Coalescing => (512, SmallLiveBytes),
            _ => (512, MediumLiveBytes),
        };
        var builder = new TraceBuilder(random, operations, maxIds, liveBytes);
        var patterns = new GlibcStressPatterns(builder, random);
        while (!builder.IsFull)
        {
            var before = builder.Count;
            patterns.Step(profile);
            if (builder.Count == before)
            {
                // A move can find nothing to do (say, nothing live to free); a small malloc keeps the trace going.
                builder.Allocate(random.NextInRange(1, 256));
            }
        }

        return builder.Build(string.Create(CultureInfo.InvariantCulture, $"generated:{profile}:seed={seed}:ops={operations}"));
    }
}
