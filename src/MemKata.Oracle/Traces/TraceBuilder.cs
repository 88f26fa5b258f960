using MemKata.Engine.Traces;

namespace MemKata.Oracle.Traces;

/// <summary>
/// Writes a trace operation by operation while tracking which block ids hold a block and how many bytes are live, the
/// way the malloclab driver would see them. It keeps the trace within its budget: exactly the requested number of
/// operations (every call is a no-op once the budget is spent or when handed id -1), at most a given number of ids, and
/// live bytes under a cap (it frees blocks of its own choosing to stay under both).
/// </summary>
internal sealed class TraceBuilder
{
    private const int HeaderLines = 4;

    private readonly DeterministicRandom _random;
    private readonly int _budget;
    private readonly int _maxIds;
    private readonly ulong _liveBytesCap;
    private readonly List<TraceOperation> _operations;
    private readonly ulong[] _sizes;
    private readonly int[] _livePosition;
    private readonly List<int> _live = [];
    private readonly Stack<int> _emptyIds = new();
    private int _idsUsed;

    /// <summary>Prepares a trace of exactly <paramref name="budget"/> operations using ids below
    /// <paramref name="maxIds"/> and at most <paramref name="liveBytesCap"/> requested bytes live at once.</summary>
    public TraceBuilder(DeterministicRandom random, int budget, int maxIds, ulong liveBytesCap)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIds);
        _random = random;
        _budget = budget;
        _maxIds = maxIds;
        _liveBytesCap = liveBytesCap;
        _operations = new List<TraceOperation>(budget);
        _sizes = new ulong[maxIds];
        _livePosition = new int[maxIds];
        Array.Fill(_livePosition, -1);
    }

    /// <summary>True once the trace holds its budget of operations.</summary>
    public bool IsFull => _operations.Count >= _budget;

    /// <summary>Operations written so far.</summary>
    public int Count => _operations.Count;

    /// <summary>Ids that hold a block now.</summary>
    public int LiveCount => _live.Count;

    /// <summary>Requested bytes live now.</summary>
    public ulong LiveBytes { get; private set; }

    /// <summary>The most requested bytes that were live at once.</summary>
    public ulong PeakLiveBytes { get; private set; }

    /// <summary>The size last requested for <paramref name="id"/> (meaningful while it holds a block).</summary>
    public ulong SizeOf(int id) => _sizes[id];

    /// <summary>A random id that holds a block, or -1 if none does.</summary>
    public int RandomLive() => _live.Count == 0 ? -1 : _live[_random.NextIndex(_live.Count)];

    /// <summary>The largest block among <paramref name="tries"/> random live ones, or -1 if none is live.</summary>
    public int RandomLargeLive(int tries)
    {
        var best = -1;
        for (var i = 0; i < tries && _live.Count > 0; i++)
        {
            var id = RandomLive();
            if (best < 0 || _sizes[id] > _sizes[best])
            {
                best = id;
            }
        }

        return best;
    }

    /// <summary><c>a id size</c> into an id that holds nothing; returns the id, or -1 once the budget is spent. A request
    /// that cannot succeed (more than <see cref="long.MaxValue"/> bytes, PTRDIFF_MAX) leaves the id empty.</summary>
    public int Allocate(ulong size)
    {
        if (!MakeRoom(size))
        {
            return -1;
        }

        var id = TakeEmptyId();
        if (id < 0)
        {
            return -1;
        }

        Emit(TraceOperationKind.Allocate, id, size);
        if (!IsImpossible(size))
        {
            Hold(id, size);
        }
        else
        {
            _emptyIds.Push(id);
        }

        return id;
    }

    /// <summary><c>r id size</c> on <paramref name="id"/>, whether it holds a block (<c>realloc(p, n)</c>) or not
    /// (<c>realloc(NULL, n)</c>); returns the id while it still holds a block, else -1.</summary>
    public int Reallocate(int id, ulong size)
    {
        if (id < 0 || IsFull)
        {
            return -1;
        }

        var held = _livePosition[id] >= 0;
        var growth = held && size > _sizes[id] ? size - _sizes[id] : held ? 0 : size;
        if (!MakeRoom(growth, keep: id))
        {
            return -1;
        }

        Emit(TraceOperationKind.Reallocate, id, size);
        if (IsImpossible(size))
        {
            // realloc fails and the old block (or NULL) stays.
            return held ? id : -1;
        }

        if (held)
        {
            Release(id);
            if (size == 0)
            {
                // realloc(p, 0) frees p and returns NULL.
                _emptyIds.Push(id);
                return -1;
            }
        }
        else
        {
            RemoveEmpty(id);
        }

        // realloc(NULL, n) is malloc(n), which succeeds for n = 0 too.
        Hold(id, size);
        return id;
    }

    /// <summary>A <c>realloc(NULL, size)</c> on a fresh empty id; returns the id or -1.</summary>
    public int ReallocateNull(ulong size)
    {
        if (IsFull || !MakeRoom(size))
        {
            return -1;
        }

        var id = TakeEmptyId();
        if (id < 0)
        {
            return -1;
        }

        _emptyIds.Push(id);
        return Reallocate(id, size);
    }

    /// <summary><c>f id</c>: frees the block <paramref name="id"/> holds (nothing if it holds none).</summary>
    public void Free(int id)
    {
        if (id < 0 || IsFull)
        {
            return;
        }

        Emit(TraceOperationKind.Free, id, 0);
        if (_livePosition[id] >= 0)
        {
            Release(id);
            _emptyIds.Push(id);
        }
    }

    /// <summary><c>f id</c> on an id that holds nothing: <c>free(NULL)</c>. Does nothing if every id is live.</summary>
    public void FreeNull()
    {
        if (_emptyIds.Count > 0)
        {
            Free(_emptyIds.Peek());
        }
    }

    /// <summary>The trace written so far, named <paramref name="source"/>.</summary>
    public Trace Build(string source) =>
        new(source, (long)Math.Min(PeakLiveBytes, long.MaxValue), Math.Max(_idsUsed, 1), 1, _operations.ToArray());

    private static bool IsImpossible(ulong size) => size > long.MaxValue;

    // Frees random blocks (never `keep`) until `extra` more bytes fit under the cap; false once the budget is spent.
    private bool MakeRoom(ulong extra, int keep = -1)
    {
        if (IsImpossible(extra))
        {
            return !IsFull;
        }

        while (!IsFull && LiveBytes + extra > _liveBytesCap && _live.Count > (keep >= 0 && _livePosition[keep] >= 0 ? 1 : 0))
        {
            var victim = RandomLive();
            if (victim != keep)
            {
                Free(victim);
            }
        }

        return !IsFull;
    }

    private int TakeEmptyId()
    {
        if (_emptyIds.Count > 0)
        {
            return _emptyIds.Pop();
        }

        if (_idsUsed < _maxIds)
        {
            return _idsUsed++;
        }

        // Every id holds a block: free one to reuse its id.
        var victim = RandomLive();
        Free(victim);
        return IsFull ? -1 : _emptyIds.Pop();
    }

    private void RemoveEmpty(int id)
    {
        var kept = _emptyIds.Where(e => e != id).Reverse().ToArray();
        _emptyIds.Clear();
        foreach (var e in kept)
        {
            _emptyIds.Push(e);
        }
    }

    private void Emit(TraceOperationKind kind, int id, ulong size) =>
        _operations.Add(new TraceOperation(kind, id, size, HeaderLines + _operations.Count + 1));

    private void Hold(int id, ulong size)
    {
        _sizes[id] = size;
        _livePosition[id] = _live.Count;
        _live.Add(id);
        LiveBytes += size;
        PeakLiveBytes = Math.Max(PeakLiveBytes, LiveBytes);
    }

    private void Release(int id)
    {
        var position = _livePosition[id];
        var last = _live[^1];
        _live[position] = last;
        _livePosition[last] = position;
        _live.RemoveAt(_live.Count - 1);
        _livePosition[id] = -1;
        LiveBytes -= _sizes[id];
    }
}
