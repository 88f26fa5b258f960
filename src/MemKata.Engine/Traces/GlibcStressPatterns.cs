namespace MemKata.Engine.Traces;

/// <summary>
/// The moves <see cref="TraceGenerator"/> composes traces from, one method per <see cref="TraceProfile"/>. Each call
/// writes a short, self-contained pattern (a burst, a cycle, a realloc chain) through the <see cref="TraceBuilder"/>;
/// the numbers are glibc 2.36's on x86-64: tcache up to 1032-byte requests (7 per size), fastbins up to 120, the large
/// bins from 1008, the mmap threshold at 128 KiB and rising to at most 32 MiB, the trim threshold at 128 KiB.
/// </summary>
internal sealed class GlibcStressPatterns
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

    // ---- MmapThreshold ---------------------------------------------------------------------------------------------

    private void MmapThreshold()
    {
        var roll = _random.NextIndex(100);
        if (roll < 20)
        {
            // Right at the current threshold: a chunk of nb bytes is mmapped when nb >= threshold.
            var around = _random.Chance(70) ? DefaultMmapThreshold : _mmapThresholdEstimate;
            _builder.Allocate(around - 32 + _random.NextBelow(64));
        }
        else if (roll < 50)
        {
            // Mid sizes, log-uniform from 64 KiB to 32 MiB: mmapped at first, on the heap once the threshold has risen.
            var bits = (int)_random.NextInRange(16, 24);
            _builder.Allocate((1UL << bits) + _random.NextBelow(1UL << bits));
        }
        else if (roll < 55)
        {
            // Around and above the 32 MiB ceiling of the dynamic threshold.
            _builder.Allocate(_random.Chance(50) ? MaxMmapThreshold - 8 * KiB + _random.NextBelow(16 * KiB) : _random.NextInRange(MaxMmapThreshold, 40 * MiB));
        }
        else if (roll < 65)
        {
            _builder.Allocate(SmallOrZero());
        }
        else
        {
            // Free, mostly the big blocks: freeing an mmapped one moves the threshold.
            var id = _random.Chance(60) ? _builder.RandomLargeLive(3) : _builder.RandomLive();
            if (id < 0)
            {
                _builder.Allocate(_random.NextInRange(DefaultMmapThreshold, 4 * MiB));
                return;
            }

            NoteFree(id);
            _builder.Free(id);
        }
    }

    // Tracks the dynamic threshold: freeing an mmapped chunk raises it to that chunk's size (up to 32 MiB).
    private void NoteFree(int id)
    {
        var chunk = MmappedChunkSize(_builder.SizeOf(id));
        if (chunk >= _mmapThresholdEstimate && chunk <= MaxMmapThreshold)
        {
            _mmapThresholdEstimate = chunk;
        }
    }

    private static ulong MmappedChunkSize(ulong request) => (request + 8 + 4095) & ~4095UL;

    // ---- TopTrimming -----------------------------------------------------------------------------------------------

    private void TopTrimming()
    {
        if (_random.Chance(15))
        {
            // Move both thresholds: free an mmapped block; the trim threshold becomes twice the new mmap threshold.
            var id = _builder.Allocate(_random.NextInRange(DefaultMmapThreshold + 4 * KiB, 4 * MiB));
            if (id >= 0)
            {
                NoteFree(id);
                _builder.Free(id);
            }

            return;
        }

        // Grow the heap with blocks that bypass the tcache and stay below the mmap threshold ...
        var ceiling = Math.Max(_mmapThresholdEstimate - 4 * KiB, 8 * KiB);
        var grown = new List<int>();
        var count = _random.NextIndex(24) + 4;
        for (var i = 0; i < count; i++)
        {
            var size = _random.Chance(70) ? _random.NextInRange(TcacheMaxRequest + 1, 64 * KiB) : _random.NextInRange(64 * KiB, ceiling);
            grown.Add(_builder.Allocate(size));
        }

        var guard = _random.Chance(25) ? _builder.Allocate(_random.NextInRange(TcacheMaxRequest + 1, 4 * KiB)) : -1;

        // ... then free from the top down, so the top chunk grows past the trim threshold.
        if (_random.Chance(30))
        {
            _builder.Free(guard);
            guard = -1;
        }

        var fromTop = _random.Chance(50) ? grown.Count : _random.NextIndex(grown.Count) + 1;
        for (var i = grown.Count - 1; i >= grown.Count - fromTop; i--)
        {
            _builder.Free(grown[i]);
        }

        if (_random.Chance(50))
        {
            _builder.Free(guard);
        }
    }

    // ---- SmallReuse ------------------------------------------------------------------------------------------------

    private void SmallReuse()
    {
        var roll = _random.NextIndex(100);
        if (roll < 30)
        {
            // A burst of one size: more than 7 frees fill its tcache bin and spill into a fastbin or the unsorted bin.
            var size = _random.Chance(75) ? _random.Pick(_hotSmallSizes) : SmallOrZero();
            var burst = new List<int>();
            var count = _random.NextIndex(14) + 6;
            for (var i = 0; i < count; i++)
            {
                burst.Add(_builder.Allocate(size));
            }

            FreeAll(burst);
            var again = _random.NextIndex(count + 2);
            for (var i = 0; i < again; i++)
            {
                _builder.Allocate(size);
            }
        }
        else if (roll < 80)
        {
            if (_builder.LiveCount > 0 && _random.Chance(45))
            {
                _builder.Free(_builder.RandomLive());
            }
            else
            {
                _builder.Allocate(_random.Chance(50) ? _random.Pick(_hotSmallSizes) : SmallOrZero());
            }
        }
        else if (roll < 85)
        {
            _builder.FreeNull();
        }
        else
        {
            // A request above the tcache range sorts the unsorted bin and, in the large range, consolidates fastbins.
            var id = _builder.Allocate(_random.NextInRange(TcacheMaxRequest + 1, 8 * KiB));
            if (_random.Chance(50))
            {
                _builder.Free(id);
            }
        }
    }

    // ---- Coalescing ------------------------------------------------------------------------------------------------

    private void Coalescing()
    {
        if (_random.Chance(25))
        {
            // Fill a fastbin past the tcache, then make glibc consolidate it: a large request or a big free.
            var size = _random.NextInRange(1, FastbinMaxRequest);
            var fast = new List<int>();
            var count = _random.NextIndex(10) + 9;
            for (var i = 0; i < count; i++)
            {
                fast.Add(_builder.Allocate(size));
            }

            FreeAll(fast);
            var trigger = _random.Chance(60) ? _random.NextInRange(1009, 4 * KiB) : _random.NextInRange(64 * KiB, 120 * KiB);
            var big = _builder.Allocate(trigger);
            if (_random.Chance(70))
            {
                _builder.Free(big);
            }

            return;
        }

        // A run of neighbours, often kept off the top chunk by a guard, freed in an order that merges them.
        var run = new List<int>();
        var length = _random.NextIndex(12) + 3;
        for (var i = 0; i < length; i++)
        {
            var size = _random.Chance(90) ? _random.NextInRange(TcacheMaxRequest + 1, 4 * KiB) : _random.NextInRange(4 * KiB, 64 * KiB);
            run.Add(_builder.Allocate(size));
        }

        var guard = _random.Chance(70) ? _builder.Allocate(_random.NextInRange(1, 64)) : -1;
        switch (_random.NextIndex(4))
        {
            case 0:
                // Every other block, then the ones between: each later free merges with both neighbours.
                for (var i = 0; i < run.Count; i += 2)
                {
                    _builder.Free(run[i]);
                }

                for (var i = 1; i < run.Count; i += 2)
                {
                    _builder.Free(run[i]);
                }

                break;
            case 1:
                FreeAll(run);
                break;
            case 2:
                for (var i = run.Count - 1; i >= 0; i--)
                {
                    _builder.Free(run[i]);
                }

                break;
            default:
                FreeAll(Shuffled(run));
                break;
        }

        if (_random.Chance(40))
        {
            _builder.Free(guard);
        }

        if (_random.Chance(40))
        {
            // Reuse part of the merged space.
            _builder.Allocate(_random.NextInRange(TcacheMaxRequest + 1, 8 * KiB));
        }

        if (_random.Chance(30))
        {
            // Small requests the tcache cannot serve, carved one after another from the last remainder.
            var carved = _random.NextIndex(6) + 3;
            for (var i = 0; i < carved; i++)
            {
                _builder.Allocate(_random.NextInRange(FastbinMaxRequest + 1, 1000));
            }
        }
    }

    // ---- LargeBins -------------------------------------------------------------------------------------------------

    private void LargeBins()
    {
        if (_random.Chance(30))
        {
            if (_builder.LiveCount > 0 && _random.Chance(50))
            {
                _builder.Free(_builder.RandomLive());
            }
            else
            {
                _builder.Allocate(LargeBinSize());
            }

            return;
        }

        // Large blocks separated by small guards, so freeing them leaves separate chunks in the unsorted bin; sometimes
        // only a few distinct sizes, so a large bin holds runs of equal chunks on its fd_nextsize list ...
        var blocks = new List<int>();
        var count = _random.NextIndex(12) + 4;
        ulong[] sameSizes = [LargeBinSize(), LargeBinSize(), LargeBinSize()];
        var fewSizes = _random.Chance(35);
        for (var i = 0; i < count; i++)
        {
            blocks.Add(_builder.Allocate(fewSizes ? _random.Pick(sameSizes) : LargeBinSize()));
            _builder.Allocate(_random.NextInRange(1, 64));
        }

        var freedSizes = new List<ulong>();
        foreach (var id in Shuffled(blocks))
        {
            if (id >= 0 && _random.Chance(70))
            {
                freedSizes.Add(_builder.SizeOf(id));
                _builder.Free(id);
            }
        }

        // ... then requests that exact-fit one, are smaller (best-fit split from a large bin) or bigger than all of them
        // (served by top after every unsorted chunk was sorted into its bin).
        var requests = _random.NextIndex(4) + 1;
        for (var i = 0; i < requests; i++)
        {
            var size = _random.NextIndex(3) switch
            {
                0 when freedSizes.Count > 0 => _random.Pick(freedSizes),
                1 when freedSizes.Count > 0 => Math.Max(1009, _random.Pick(freedSizes) / (ulong)(_random.NextIndex(3) + 2)),
                _ => LargeBinSize(),
            };
            _builder.Allocate(size);
        }
    }

    private ulong LargeBinSize() => _random.Chance(60) ? _random.NextInRange(KiB, 16 * KiB) : _random.NextInRange(16 * KiB, 120 * KiB);

    // ---- Realloc ---------------------------------------------------------------------------------------------------

    private void Realloc()
    {
        var id = _random.Chance(25) ? _builder.ReallocateNull(ReallocStartSize()) : _builder.Allocate(ReallocStartSize());

        // A neighbour right after the block and a guard after that: freeing the neighbour opens room to grow into.
        var neighbour = _random.Chance(50) ? _builder.Allocate(_random.NextInRange(TcacheMaxRequest + 1, 16 * KiB)) : -1;
        var guard = neighbour >= 0 && _random.Chance(70) ? _builder.Allocate(_random.NextInRange(1, 64)) : -1;
        var steps = _random.NextIndex(10) + 3;
        for (var i = 0; i < steps && id >= 0; i++)
        {
            if (neighbour >= 0 && _random.Chance(30))
            {
                _builder.Free(neighbour);
                neighbour = -1;
            }

            id = _builder.Reallocate(id, NextReallocSize(_builder.SizeOf(id)));
        }

        if (id >= 0 && _random.Chance(20))
        {
            _builder.Free(id);
        }

        if (_random.Chance(50))
        {
            _builder.Free(guard);
        }
    }

    private ulong ReallocStartSize() => _random.NextIndex(10) switch
    {
        < 4 => _random.NextInRange(0, TcacheMaxRequest),
        < 8 => _random.NextInRange(TcacheMaxRequest + 1, 64 * KiB),
        _ => _random.NextInRange(DefaultMmapThreshold, 4 * MiB),
    };

    private ulong NextReallocSize(ulong current)
    {
        var roll = _random.NextIndex(100);
        return roll switch
        {
            // Grow a little: in place, into top or into a free neighbour.
            < 20 => current + _random.NextInRange(1, 256),

            // Grow a lot: into a neighbour if it is free and big enough, else move.
            < 35 => Math.Min(current * (_random.NextInRange(3, 8) / 2 + 1), 2 * MiB) + 1,

            // Shrink, splitting off a remainder, or by less than a minimum chunk.
            < 55 => current / (ulong)(_random.NextIndex(4) + 2),
            < 62 => current > 64 ? current - _random.NextInRange(1, 64) : current + 8,

            // Into, within or out of the mmapped sizes: mremap grows and shrinks a chunk with its own mapping.
            < 74 => _random.NextInRange(DefaultMmapThreshold, 8 * MiB),
            < 80 => current >= DefaultMmapThreshold ? Math.Min(current * 2, 24 * MiB) : DefaultMmapThreshold * 2,
            < 86 => _random.NextInRange(1, 4 * KiB),

            // realloc(p, 0) frees p.
            < 93 => 0,

            // A request that cannot succeed: realloc returns NULL and the old block stays.
            < 96 => ImpossibleRequest,
            _ => current,
        };
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
