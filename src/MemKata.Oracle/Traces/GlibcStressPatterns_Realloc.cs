namespace MemKata.Oracle.Traces;

/// <summary>The realloc chains of <see cref="TraceProfile.Realloc"/>.</summary>
internal sealed partial class GlibcStressPatterns
{
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
}
