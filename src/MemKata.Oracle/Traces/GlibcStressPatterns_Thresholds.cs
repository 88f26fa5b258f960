namespace MemKata.Oracle.Traces;

/// <summary>The moves around the mmap and trim thresholds: <see cref="TraceProfile.MmapThreshold"/> and <see cref="TraceProfile.TopTrimming"/>.</summary>
internal sealed partial class GlibcStressPatterns
{
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
}
