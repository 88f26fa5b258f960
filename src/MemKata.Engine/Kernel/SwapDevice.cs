namespace MemKata.Engine.Kernel;

/// <summary>
/// The swap area: a fixed number of page-sized slots on a simulated disk. Anonymous pages evicted from RAM are written
/// to a free slot (lowest first, so runs are deterministic) and read back on a major fault. Trailing zero bytes are not
/// stored, so a page of zeros costs nothing. A machine without swap has a device of zero slots.
/// </summary>
public sealed class SwapDevice
{
    private readonly Dictionary<long, byte[]?> _slots = [];
    private readonly Stack<long> _freed = new();
    private readonly int _pageSize;
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
    public long UsedSlots => _slots.Count;

    /// <summary>Free slots (SwapFree in pages).</summary>
    public long FreeSlots => TotalSlots - UsedSlots;

    /// <summary>Writes a copy of <paramref name="page"/> to a free slot and returns it, or -1 when the device is full.</summary>
    public long Write(ReadOnlySpan<byte> page)
    {
        long slot;
        if (_freed.Count > 0)
        {
            slot = _freed.Pop();
        }
        else if (_nextUnused < TotalSlots)
        {
            slot = _nextUnused++;
        }
        else
        {
            return -1;
        }

        // Only the bytes up to the last non-zero one are kept: a zero page costs nothing, a page with a few bytes little.
        var used = page.LastIndexOfAnyExcept((byte)0) + 1;
        _slots[slot] = used == 0 ? null : page[..used].ToArray();
        return slot;
    }

    /// <summary>Copies the page in <paramref name="slot"/> into <paramref name="destination"/>.</summary>
    public void Read(long slot, Span<byte> destination)
    {
        if (!_slots.TryGetValue(slot, out var page))
        {
            throw new InvalidOperationException($"SwapDevice.Read: slot {slot} holds no page");
        }

        var stored = page ?? [];
        stored.CopyTo(destination);
        destination[stored.Length.._pageSize].Clear();
    }

    /// <summary>Frees <paramref name="slot"/>; freeing a free slot is a bug and throws.</summary>
    public void Free(long slot)
    {
        if (!_slots.Remove(slot))
        {
            throw new InvalidOperationException($"SwapDevice.Free: slot {slot} is not in use");
        }

        _freed.Push(slot);
    }
}
