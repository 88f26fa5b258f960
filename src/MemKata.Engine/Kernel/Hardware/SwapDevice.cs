namespace MemKata.Engine.Kernel;

/// <summary>
/// The swap area: a fixed number of page-sized slots on a simulated disk. Anonymous pages evicted from RAM are written
/// to a free slot (lowest first, so runs are deterministic) and read back on a major fault. Pages travel in the compact
/// form of <see cref="FrameContents"/> (the bytes up to the last non-zero one), so a page of zeros costs nothing and a
/// page with a few bytes little. A machine without swap has a device of zero slots.
/// </summary>
public sealed class SwapDevice
{
    private static readonly byte[] s_empty = [];

    private readonly Stack<long> _freed = new();
    private readonly int _pageSize;
    private byte[]?[] _slots = [];
    private long _nextUnused;

    /// <summary>Creates a device of <paramref name="slots"/> slots of <paramref name="pageSize"/> bytes.</summary>
    public SwapDevice(long slots, int pageSize)
    {
        TotalSlots = slots;
        _pageSize = pageSize;
    }

    /// <summary>Slots on the device (SwapTotal in pages).</summary>
    public long TotalSlots { get; }

    /// <summary>Slots holding a page.</summary>
    public long UsedSlots { get; private set; }

    /// <summary>Free slots (SwapFree in pages).</summary>
    public long FreeSlots => TotalSlots - UsedSlots;

    /// <summary>Writes a page, given in compact form (null for zeros; the array is kept, not copied, and must not change
    /// afterwards), to a free slot and returns the slot, or -1 when the device is full.</summary>
    public long Write(byte[]? page)
    {
        if (page is not null && page.Length > _pageSize)
        {
            throw new ArgumentException($"SwapDevice.Write: {page.Length} bytes do not fit a page of {_pageSize}", nameof(page));
        }

        long slot;
        if (_freed.Count > 0)
        {
            slot = _freed.Pop();
        }
        else if (_nextUnused < TotalSlots)
        {
            slot = _nextUnused++;
            if (slot >= _slots.LongLength)
            {
                Array.Resize(ref _slots, (int)Math.Min(TotalSlots, Math.Max(1024, _slots.LongLength * 2)));
            }
        }
        else
        {
            return -1;
        }

        _slots[slot] = page ?? s_empty;
        UsedSlots++;
        return slot;
    }

    /// <summary>The page in <paramref name="slot"/> in compact form (null for zeros); shared, not to be changed.</summary>
    public byte[]? Read(long slot)
    {
        var page = Stored(slot, "Read");
        return page.Length == 0 ? null : page;
    }

    /// <summary>Frees <paramref name="slot"/>; freeing a free slot is a bug and throws.</summary>
    public void Free(long slot)
    {
        Stored(slot, "Free");
        _slots[slot] = null;
        UsedSlots--;
        _freed.Push(slot);
    }

    private byte[] Stored(long slot, string where) =>
        (ulong)slot < (ulong)_nextUnused && _slots[slot] is { } page
            ? page
            : throw new InvalidOperationException($"SwapDevice.{where}: slot {slot} holds no page");
}
