using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Units;

namespace MemKata.Engine.Memory;

/// <summary>
/// The areas of one process (Linux's VMAs): a list of <see cref="Mapping"/>s sorted by address, never overlapping, and
/// the search for a free gap that mmap places new mappings in. It holds no bytes: the <see cref="Mmu"/> reaches the pages
/// through the page backing, and the system calls (<see cref="SimulatedProcessMemory"/>) decide what to change here.
/// The layout it works in is drawn once, on <see cref="AddressSpaceLayout"/>.
/// </summary>
public sealed class AddressSpace
{
    // Mappings sorted by start address, never overlapping.
    private readonly List<Mapping> _mappings = [];

    /// <summary>Creates the address space of a new process: only the C library's static data is mapped.</summary>
    public AddressSpace(AddressSpaceLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Layout = layout;
        Insert(new Mapping(layout.LibcDataStart, layout.LibcDataStart + layout.LibcDataSize, Protection.ReadWrite, VmaKind.LibraryData));
    }

    /// <summary>Where things sit.</summary>
    public AddressSpaceLayout Layout { get; }

    /// <summary>The mappings, lowest address first, as <c>/proc/PID/maps</c> lists them.</summary>
    public IReadOnlyList<Mapping> Mappings => _mappings;

    /// <summary>Pages the mappings span (<c>VmSize</c> in pages, Linux's <c>total_vm</c>).</summary>
    public ulong TotalVmPages
    {
        get
        {
            var pages = 0UL;
            foreach (var m in _mappings)
            {
                pages += m.Length / PageUnits.PageSize;
            }

            return pages;
        }
    }

    /// <summary>The mapping that covers <paramref name="address"/>, or null (Linux's <c>find_vma</c> plus the range check).</summary>
    public Mapping? Find(ulong address)
    {
        int lo = 0, hi = _mappings.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = _mappings[mid];
            if (address < m.Start)
            {
                hi = mid - 1;
            }
            else if (address >= m.End)
            {
                lo = mid + 1;
            }
            else
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>The lowest mapping that ends above <paramref name="address"/>, or null.</summary>
    public Mapping? FirstEndingAbove(ulong address)
    {
        foreach (var m in _mappings)
        {
            if (m.End > address)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>
    /// The highest hole below <see cref="AddressSpaceLayout.MmapBase"/> that holds <paramref name="length"/> bytes, as
    /// Linux's top-down search picks: between and below the existing mappings, skipping the program image and the heap
    /// (up to <paramref name="programBreak"/> plus one guard page), and, when nothing fits above the program, below it,
    /// down to <see cref="AddressSpaceLayout.MmapMinAddress"/>. False when no hole is big enough.
    /// </summary>
    public bool TryFindGap(ulong length, ulong programBreak, out ulong start)
    {
        var top = Layout.MmapBase;
        var reservedStart = Math.Min(Layout.ProgramStart, Layout.HeapStart);
        var reservedEnd = PageMath.RoundUp(programBreak, PageUnits.PageSize) + PageUnits.PageSize;
        var reservedPending = true;
        var i = _mappings.Count - 1;
        while (true)
        {
            // The next obstacle going down: a mapping, or the program-and-heap block.
            ulong obstacleStart;
            ulong obstacleEnd;
            if (reservedPending && (i < 0 || reservedStart >= _mappings[i].Start))
            {
                (obstacleStart, obstacleEnd) = (reservedStart, reservedEnd);
                reservedPending = false;
            }
            else if (i >= 0)
            {
                (obstacleStart, obstacleEnd) = (_mappings[i].Start, _mappings[i].End);
                i--;
            }
            else
            {
                break;
            }

            if (obstacleStart >= top)
            {
                continue;
            }

            if (obstacleEnd < top && top - obstacleEnd >= length)
            {
                start = top - length;
                return true;
            }

            top = obstacleStart;
        }

        if (top > Layout.MmapMinAddress && top - Layout.MmapMinAddress >= length)
        {
            start = top - length;
            return true;
        }

        start = 0;
        return false;
    }

    /// <summary>Adds <paramref name="mapping"/>, which must not overlap any other.</summary>
    public void Insert(Mapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var index = _mappings.FindIndex(m => m.Start > mapping.Start);
        _mappings.Insert(index < 0 ? _mappings.Count : index, mapping);
    }

    /// <summary>Puts <paramref name="updated"/> in the place of <paramref name="old"/> (a mapping grown in place).</summary>
    public void Replace(Mapping old, Mapping updated) => _mappings[_mappings.IndexOf(old)] = updated;

    /// <summary>Removes [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) from the
    /// mappings, splitting those that straddle its ends.</summary>
    public void RemoveRange(ulong start, ulong length)
    {
        var end = start + length;
        for (var i = 0; i < _mappings.Count; i++)
        {
            var m = _mappings[i];
            if (m.End <= start || m.Start >= end)
            {
                continue;
            }

            _mappings.RemoveAt(i);
            var pieces = 0;
            if (m.Start < start)
            {
                _mappings.Insert(i + pieces++, m with { End = start });
            }

            if (m.End > end)
            {
                _mappings.Insert(i + pieces++, m with { Start = end, FileOffset = m.FileOffsetAt(end) });
            }

            i += pieces - 1;
        }
    }

    /// <summary>Makes the heap mapping end at <paramref name="end"/> (page-aligned): created on first growth, removed
    /// when the heap is empty again.</summary>
    public void SetHeapEnd(ulong end)
    {
        var index = _mappings.FindIndex(m => m.Kind == VmaKind.Heap);
        if (end <= Layout.HeapStart)
        {
            if (index >= 0)
            {
                _mappings.RemoveAt(index);
            }

            return;
        }

        var heap = new Mapping(Layout.HeapStart, end, Protection.ReadWrite, VmaKind.Heap);
        if (index >= 0)
        {
            _mappings[index] = heap;
        }
        else
        {
            Insert(heap);
        }
    }

    /// <summary>The bytes of [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) that lie in
    /// mappings the overcommit accounting charged (<see cref="CommitCharge.IsAccountable"/>).</summary>
    public ulong AccountableBytesIn(ulong start, ulong length)
    {
        var end = start + length;
        var bytes = 0UL;
        foreach (var m in _mappings)
        {
            if (m.End > start && m.Start < end && CommitCharge.IsAccountable(m))
            {
                bytes += Math.Min(m.End, end) - Math.Max(m.Start, start);
            }
        }

        return bytes;
    }
}
