namespace MemKata.Oracle.Traces;

/// <summary>
/// The moves <see cref="TraceGenerator"/> composes traces from, one method per <see cref="TraceProfile"/>. Each call
/// writes a short, self-contained pattern (a burst, a cycle, a realloc chain) through the <see cref="TraceBuilder"/>;
/// the numbers are glibc 2.36's on x86-64: tcache up to 1032-byte requests (7 per size), fastbins up to 120, large-bin
/// chunks from 1024 bytes (requests from 1009), the mmap threshold at 128 KiB and rising to at most 32 MiB, the trim threshold at 128 KiB.
/// </summary>
internal sealed partial class GlibcStressPatterns
{
    private const ulong KiB = 1024;
    private const ulong MiB = 1024 * KiB;
    private const ulong TcacheMaxRequest = 1032;
    private const ulong FastbinMaxRequest = 120;
    private const ulong DefaultMmapThreshold = 128 * KiB;
    private const ulong MaxMmapThreshold = 32 * MiB;

    // More than PTRDIFF_MAX: malloc and realloc refuse it at once and return NULL. (2^63 is the largest size a .rep
    // trace may hold.)
    private const ulong ImpossibleRequest = 1UL << 63;

    private readonly TraceBuilder _builder;
    private readonly DeterministicRandom _random;
    private readonly ulong[] _hotSmallSizes;

    // What glibc's dynamic mmap threshold has probably become: raised by every free of an mmapped chunk bigger than it.
    private ulong _mmapThresholdEstimate = DefaultMmapThreshold;

    /// <summary>Patterns written through <paramref name="builder"/>, chosen with <paramref name="random"/>.</summary>
    public GlibcStressPatterns(TraceBuilder builder, DeterministicRandom random)
    {
        _builder = builder;
        _random = random;
        _hotSmallSizes = [0, 24, 40, 100, _random.NextInRange(1, FastbinMaxRequest), _random.NextInRange(121, TcacheMaxRequest), TcacheMaxRequest];
    }

    /// <summary>One move of <paramref name="profile"/>; <see cref="TraceProfile.Mixed"/> picks one of the others.</summary>
    public void Step(TraceProfile profile)
    {
        switch (profile)
        {
            case TraceProfile.MmapThreshold:
                MmapThreshold();
                break;
            case TraceProfile.TopTrimming:
                TopTrimming();
                break;
            case TraceProfile.SmallReuse:
                SmallReuse();
                break;
            case TraceProfile.Coalescing:
                Coalescing();
                break;
            case TraceProfile.LargeBins:
                LargeBins();
                break;
            case TraceProfile.Realloc:
                Realloc();
                break;
            case TraceProfile.Mixed:
                Step((TraceProfile)_random.NextIndex((int)TraceProfile.Mixed));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(profile), profile, "GlibcStressPatterns.Step: unknown profile");
        }
    }

    // ---- shared ----------------------------------------------------------------------------------------------------

    // A request for the small-bin range, now and then malloc(0).
    private ulong SmallOrZero() => _random.Chance(4) ? 0 : _random.NextInRange(1, TcacheMaxRequest);

    private void FreeAll(IEnumerable<int> ids)
    {
        foreach (var id in ids)
        {
            _builder.Free(id);
        }
    }

    private List<int> Shuffled(List<int> ids)
    {
        var copy = new List<int>(ids);
        for (var i = copy.Count - 1; i > 0; i--)
        {
            var j = _random.NextIndex(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }
}
