namespace MemKata.Oracle.Traces;

/// <summary>The moves through the tcache and the bins: <see cref="TraceProfile.SmallReuse"/>, <see cref="TraceProfile.Coalescing"/> and <see cref="TraceProfile.LargeBins"/>.</summary>
internal sealed partial class GlibcStressPatterns
{
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
}
