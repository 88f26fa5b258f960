namespace MemKata.Engine.Kernel;

/// <summary>
/// The bytes of every frame of RAM, stored sparsely. A frame's contents are kept <em>compact</em> (the bytes up to the
/// last non-zero one; nothing at all for a page of zeros or a freshly freed, poisoned page) except for a bounded
/// working set of <em>live</em> frames, which own a full page buffer that processes read and write through their TLBs.
/// Touching 8 GiB one byte per page so costs a few bytes per frame instead of 4 KiB.
/// <para>
/// A frame becomes live when a process needs its buffer (<see cref="Live"/>). When the working set is full, the frame
/// made live the longest time ago leaves it: <see cref="Evicting"/> lets the machine flush every TLB entry that still
/// points at the buffer, then the contents are compacted and the buffer is reused. Everything else (zero-fill, copies,
/// swap, the page cache) works on the compact form without making a frame live.
/// </para>
/// <para>
/// Contract for holders of a live buffer: a buffer stays valid only until the next <see cref="Live"/> call for another
/// frame. The process memory's TLB is the only long-term holder, and eviction flushes it; multi-page operations must not
/// keep one page's buffer while fetching another (they copy through a small scratch buffer instead).
/// </para>
/// </summary>
public sealed class FrameContents
{
    /// <summary>The most live buffers a machine keeps: small enough that their buffers stay in the CPU's caches.</summary>
    public const int MaxLiveFrames = 2048;

    // Compact pages of one byte (a page touched once with a small value) are shared: compact arrays never change.
    private static readonly byte[][] s_singleBytes = [.. Enumerable.Range(0, 256).Select(b => new[] { (byte)b })];

    // Marks a poisoned frame (freed, or taken and not filled yet); a poisoned frame made live shows the poison byte.
    private static readonly byte[] s_poisoned = [FrameTable.Poison];

    private readonly int _pageSize;
    private readonly byte[]?[] _buffers;
    private readonly int[] _slotFrame;
    private readonly Stack<int> _freeSlots = new();
    private byte[]?[] _compact;
    private int[] _liveSlot;
    private int _usedSlots;
    private int _hand;

    /// <summary>Creates the store for <paramref name="capacity"/> frames of <paramref name="pageSize"/> bytes, with at
    /// most <paramref name="liveLimit"/> live buffers. Every frame starts poisoned.</summary>
    public FrameContents(int capacity, int pageSize, int liveLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(liveLimit, 2);
        _pageSize = pageSize;
        _buffers = new byte[]?[liveLimit];
        _slotFrame = new int[liveLimit];
        _compact = new byte[]?[capacity];
        _compact.AsSpan().Fill(s_poisoned);
        _liveSlot = new int[capacity];
    }

    /// <summary>Called with a live frame's number just before its buffer is taken away: the owner flushes every TLB
    /// entry that maps the frame.</summary>
    public Action<int>? Evicting { get; set; }

    /// <summary>Frames that own a full page buffer now (at most the live limit).</summary>
    public int LiveFrames => _usedSlots - _freeSlots.Count;

    /// <summary>Bytes of compact contents over all frames not live (one-byte pages are shared, so this can exceed what is
    /// held); a measure of how sparse memory is. Walks every frame.</summary>
    public long CompactBytes
    {
        get
        {
            var total = 0L;
            foreach (var stored in _compact)
            {
                total += stored is null || ReferenceEquals(stored, s_poisoned) ? 0 : stored.Length;
            }

            return total;
        }
    }

    /// <summary>Grows the store to <paramref name="capacity"/> frames; the new frames are poisoned.</summary>
    public void Grow(int capacity)
    {
        var old = _compact.Length;
        Array.Resize(ref _compact, capacity);
        _compact.AsSpan(old).Fill(s_poisoned);
        Array.Resize(ref _liveSlot, capacity);
    }

    /// <summary>The full page buffer of frame <paramref name="frame"/>, made live if it was not (which may evict the
    /// oldest live frame). Valid until the next call for another frame; see the class contract.</summary>
    public byte[] Live(int frame)
    {
        var slot = _liveSlot[frame] - 1;
        if (slot >= 0)
        {
            return _buffers[slot]!;
        }

        slot = TakeSlot();
        var buffer = _buffers[slot] ??= GC.AllocateUninitializedArray<byte>(_pageSize, pinned: true);
        var stored = _compact[frame];
        if (ReferenceEquals(stored, s_poisoned))
        {
            buffer.AsSpan().Fill(FrameTable.Poison);
        }
        else
        {
            var prefix = stored ?? [];
            prefix.CopyTo(buffer, 0);
            buffer.AsSpan(prefix.Length).Clear();
        }

        _compact[frame] = null;
        _slotFrame[slot] = frame;
        _liveSlot[frame] = slot + 1;
        return buffer;
    }

    /// <summary>Fills frame <paramref name="frame"/> with zeros (costs no buffer).</summary>
    public void Clear(int frame)
    {
        Drop(frame);
        _compact[frame] = null;
    }

    /// <summary>Poisons frame <paramref name="frame"/> (it was freed).</summary>
    public void Poison(int frame)
    {
        Drop(frame);
        _compact[frame] = s_poisoned;
    }

    /// <summary>Copies frame <paramref name="frame"/> into <paramref name="destination"/> (a page long) without making it
    /// live.</summary>
    public void CopyOut(int frame, Span<byte> destination)
    {
        var slot = _liveSlot[frame] - 1;
        if (slot >= 0)
        {
            _buffers[slot].AsSpan().CopyTo(destination);
            return;
        }

        var stored = _compact[frame];
        if (ReferenceEquals(stored, s_poisoned))
        {
            destination[.._pageSize].Fill(FrameTable.Poison);
            return;
        }

        var prefix = stored ?? [];
        prefix.CopyTo(destination);
        destination[prefix.Length.._pageSize].Clear();
    }

    /// <summary>Sets frame <paramref name="frame"/> to the page in <paramref name="source"/> (a page long).</summary>
    public void CopyIn(int frame, ReadOnlySpan<byte> source)
    {
        Drop(frame);
        _compact[frame] = Compacted(source);
    }

    /// <summary>Makes frame <paramref name="destination"/> a copy of frame <paramref name="source"/>.</summary>
    public void Copy(int source, int destination)
    {
        if (source == destination)
        {
            return;
        }

        var slot = _liveSlot[source] - 1;
        var contents = slot >= 0 ? Compacted(_buffers[slot]) : _compact[source];
        Drop(destination);
        _compact[destination] = contents;
    }

    /// <summary>The compact contents of frame <paramref name="frame"/>: the bytes up to the last non-zero one, null for a
    /// page of zeros. The array is shared and must not be changed; the frame keeps its contents.</summary>
    public byte[]? Compact(int frame)
    {
        var slot = _liveSlot[frame] - 1;
        if (slot >= 0)
        {
            return Compacted(_buffers[slot]);
        }

        var stored = _compact[frame];
        if (ReferenceEquals(stored, s_poisoned))
        {
            var page = new byte[_pageSize];
            page.AsSpan().Fill(FrameTable.Poison);
            return page;
        }

        return stored;
    }

    /// <summary>Sets frame <paramref name="frame"/> from compact contents (as <see cref="Compact"/> returns them; the
    /// array is shared, not copied).</summary>
    public void SetCompact(int frame, byte[]? contents)
    {
        if (contents is not null && contents.Length > _pageSize)
        {
            throw new ArgumentException($"FrameContents.SetCompact: {contents.Length} bytes do not fit a page of {_pageSize}", nameof(contents));
        }

        Drop(frame);
        _compact[frame] = contents;
    }

    // The bytes up to the last non-zero one, or null for zeros.
    private static byte[]? Compacted(ReadOnlySpan<byte> page)
    {
        var used = page.LastIndexOfAnyExcept((byte)0) + 1;
        return used switch
        {
            0 => null,
            1 => s_singleBytes[page[0]],
            _ => page[..used].ToArray(),
        };
    }

    // Takes a frame out of the working set without keeping what its buffer holds.
    private void Drop(int frame)
    {
        var slot = _liveSlot[frame] - 1;
        if (slot >= 0)
        {
            _liveSlot[frame] = 0;
            _freeSlots.Push(slot);
        }
    }

    private int TakeSlot()
    {
        if (_freeSlots.Count > 0)
        {
            return _freeSlots.Pop();
        }

        if (_usedSlots < _buffers.Length)
        {
            return _usedSlots++;
        }

        // Full: the slots were filled in order, so the hand walks them oldest first.
        var slot = _hand;
        _hand = (_hand + 1) % _buffers.Length;
        var frame = _slotFrame[slot];
        Evicting?.Invoke(frame);
        _compact[frame] = Compacted(_buffers[slot]);
        _liveSlot[frame] = 0;
        return slot;
    }
}
