using System.Runtime.InteropServices;
using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// One process's page table: an entry per touched virtual page, with the x86 bits (present, writable, user, accessed,
/// dirty) and either a frame number or a swap slot. It is sparse: only touched pages have entries, so reserving a huge
/// range costs nothing. It also counts the page-table pages a real multi-level table would need for those entries.
/// The raw 64-bit words never leave this class: readers get the decoded <see cref="PageTableEntry"/>, and the kernel
/// changes entries through the verbs (<see cref="MapFrame"/>, <see cref="MapZeroPage"/>, <see cref="SetSwapped"/>,
/// <see cref="Clear"/>, <see cref="TestAndClearAccessed"/>, <see cref="CleanDirty"/>, <see cref="Move"/>) and the MMU
/// walks it with <see cref="TryAccess"/>.
/// </summary>
/// <remarks>
/// Entry layout (a 64-bit word, as on x86-64): bit 0 present, bit 1 writable, bit 2 user, bit 5 accessed, bit 6 dirty,
/// bits 12 and up the frame number. Two software bits that real hardware ignores: bit 9 marks the shared zero page and
/// bit 10 marks a swap entry (present clear, the slot where the frame number would be). Real x86-64 encodes swap
/// entries differently (type and inverted offset); the information is the same.
/// </remarks>
public sealed class PageTable
{
    /// <summary>Bit 0: the page is in RAM.</summary>
    private const ulong Present = 1UL << 0;

    /// <summary>Bit 1: stores are allowed.</summary>
    private const ulong Writable = 1UL << 1;

    /// <summary>Bit 2: user mode may access the page.</summary>
    private const ulong User = 1UL << 2;

    /// <summary>Bit 5: set by the MMU on any access.</summary>
    private const ulong Accessed = 1UL << 5;

    /// <summary>Bit 6: set by the MMU on a store.</summary>
    private const ulong Dirty = 1UL << 6;

    /// <summary>Software bit 9: the entry maps the shared zero page.</summary>
    private const ulong ZeroPageBit = 1UL << 9;

    /// <summary>Software bit 10: a swap entry.</summary>
    private const ulong SwapBit = 1UL << 10;

    private const int FrameShift = 12;

    // The lowest level, as on the hardware: a table page of 2^entriesShift entries per key (page >> entriesShift),
    // created on its first entry and dropped with its last.
    private readonly Dictionary<ulong, Leaf> _leaves = [];
    // Per level above the lowest (index 0 = level 2), how many lower table pages each table page holds.
    private readonly Dictionary<ulong, int>[] _upperUse;
    private readonly int _levels;
    private readonly int _entriesShift;
    private readonly ulong _indexMask;
    private ulong _lastKey = ulong.MaxValue;
    private Leaf? _lastLeaf;

    /// <summary>Creates an empty table for an architecture with <paramref name="levels"/> levels of
    /// 2^<paramref name="entriesShift"/> entries each.</summary>
    public PageTable(int levels, int entriesShift)
    {
        _levels = levels;
        _entriesShift = entriesShift;
        _indexMask = (1UL << entriesShift) - 1;
        _upperUse = [.. Enumerable.Range(0, Math.Max(levels - 2, 0)).Select(_ => new Dictionary<ulong, int>())];
    }

    /// <summary>Number of entries (present or swapped).</summary>
    public int Count { get; private set; }

    /// <summary>Page-table pages below the top level needed for the current entries (<c>VmPTE</c> in pages).</summary>
    public long TablePages { get; private set; }

    /// <summary>Every page that has an entry, in ascending order.</summary>
    public IReadOnlyList<ulong> Pages => [.. RawEntriesIn(0, ulong.MaxValue).Select(e => e.Key)];

    /// <summary>The pages in [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) that have an
    /// entry, in ascending order; costs the table pages the process has, not the range.</summary>
    public IReadOnlyList<ulong> PagesIn(ulong first, ulong count) => [.. RawEntriesIn(first, count).Select(e => e.Key)];

    private IEnumerable<KeyValuePair<ulong, ulong>> RawEntriesIn(ulong first, ulong count)
    {
        if (count == 0)
        {
            yield break;
        }

        var last = first + Math.Min(count - 1, ulong.MaxValue - first);
        var keys = _leaves.Keys.Where(k => k >= first >> _entriesShift && k <= last >> _entriesShift).ToList();
        keys.Sort();
        foreach (var key in keys)
        {
            var entries = _leaves[key].Entries;
            for (var i = 0; i < entries.Length; i++)
            {
                var page = (key << _entriesShift) | (uint)i;
                if (entries[i] != 0 && page >= first && page <= last)
                {
                    yield return new(page, entries[i]);
                }
            }
        }
    }

    /// <summary>The entry for <paramref name="page"/>, decoded (<see cref="PageTableEntry.Empty"/> when it has none).</summary>
    public PageTableEntry Get(ulong page) => Decode(Raw(page));

    /// <summary>
    /// The MMU's walk for an access to <paramref name="page"/>: when the entry is present (and writable, for a store) it
    /// sets the accessed bit (and the dirty bit for a store), as the hardware does, and gives the frame; otherwise it
    /// changes nothing and answers false: a page fault.
    /// </summary>
    public bool TryAccess(ulong page, bool write, out FrameNumber frame)
    {
        var leaf = Find(page >> _entriesShift);
        var needed = write ? Present | Writable : Present;
        if (leaf is null)
        {
            frame = default;
            return false;
        }

        ref var slot = ref leaf.Entries[page & _indexMask];
        if ((slot & needed) != needed)
        {
            frame = default;
            return false;
        }

        slot |= write ? Accessed | Dirty : Accessed;
        frame = FrameOf(slot);
        return true;
    }

    /// <summary>Points <paramref name="page"/> at <paramref name="frame"/>: present, user, writable if asked, accessed
    /// (the fault was an access). It must have no entry (clear it first) unless it already maps this frame, when only
    /// the permission changes and the accessed and dirty bits stay as they were.</summary>
    public void MapFrame(ulong page, FrameNumber frame, bool writable)
    {
        var old = Raw(page);
        if (old == 0)
        {
            Set(page, PresentEntry(frame, writable) | Accessed);
            return;
        }

        if ((old & Present) == 0 || FrameOf(old) != frame)
        {
            throw new InvalidOperationException($"PageTable.MapFrame: page 0x{page:x} still maps something else; clear it first");
        }

        Set(page, PresentEntry(frame, writable) | (old & (Accessed | Dirty)));
    }

    /// <summary>True when <paramref name="page"/> maps <paramref name="frame"/> now.</summary>
    public bool Maps(ulong page, FrameNumber frame)
    {
        var entry = Raw(page);
        return (entry & Present) != 0 && FrameOf(entry) == frame;
    }

    /// <summary>Maps the shared zero page at <paramref name="page"/>, read-only and marked as the zero page.</summary>
    public void MapZeroPage(ulong page, FrameNumber zeroFrame) =>
        Set(page, PresentEntry(zeroFrame, writable: false) | ZeroPageBit | Accessed);

    /// <summary>Turns <paramref name="page"/>'s entry into a swap entry for <paramref name="slot"/> (not present).</summary>
    public void SetSwapped(ulong page, long slot) => Set(page, ((ulong)slot << FrameShift) | SwapBit);

    /// <summary>Reads and clears the accessed bit of <paramref name="page"/>: true if the page was touched since the
    /// last call (<c>ptep_clear_flush_young</c>).</summary>
    public bool TestAndClearAccessed(ulong page)
    {
        var entry = Raw(page);
        if ((entry & Accessed) == 0)
        {
            return false;
        }

        Set(page, entry & ~Accessed);
        return true;
    }

    /// <summary>Clears the dirty bit of <paramref name="page"/> (<c>folio_mkclean</c>), so a later store dirties it again.</summary>
    public void CleanDirty(ulong page) => Set(page, Raw(page) & ~Dirty);

    /// <summary>Moves the entries of <paramref name="pages"/> (ascending, all present in the table) by
    /// <paramref name="to"/> - <paramref name="from"/> pages, as mremap does; the entries keep every bit.</summary>
    public void Move(IReadOnlyList<ulong> pages, ulong from, ulong to)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var moving = pages.Select(p => (Page: p, Entry: Raw(p))).ToList();
        foreach (var (page, _) in moving)
        {
            Clear(page);
        }

        foreach (var (page, entry) in moving)
        {
            Set(page - from + to, entry);
        }
    }

    private ulong Raw(ulong page)
    {
        var leaf = Find(page >> _entriesShift);
        return leaf is null ? 0 : leaf.Entries[page & _indexMask];
    }

    // Sets the entry for page; 0 clears it.
    private void Set(ulong page, ulong entry)
    {
        if (entry == 0)
        {
            Clear(page);
            return;
        }

        var key = page >> _entriesShift;
        var leaf = Find(key) ?? AddLeaf(key);
        ref var slot = ref leaf.Entries[page & _indexMask];
        if (slot == 0)
        {
            leaf.Used++;
            Count++;
        }

        slot = entry;
    }

    /// <summary>Removes the entry for <paramref name="page"/>, if any.</summary>
    public void Clear(ulong page)
    {
        var key = page >> _entriesShift;
        var leaf = Find(key);
        if (leaf is null)
        {
            return;
        }

        ref var slot = ref leaf.Entries[page & _indexMask];
        if (slot == 0)
        {
            return;
        }

        slot = 0;
        Count--;
        if (--leaf.Used == 0)
        {
            RemoveLeaf(key);
        }
    }

    private Leaf? Find(ulong key)
    {
        if (key == _lastKey)
        {
            return _lastLeaf;
        }

        if (!_leaves.TryGetValue(key, out var leaf))
        {
            return null;
        }

        _lastKey = key;
        _lastLeaf = leaf;
        return leaf;
    }

    private Leaf AddLeaf(ulong key)
    {
        var leaf = new Leaf(1 << _entriesShift);
        _leaves.Add(key, leaf);
        _lastKey = key;
        _lastLeaf = leaf;
        if (_levels > 1)
        {
            TablePages++;
        }

        // A new table page may need new table pages above it, up to (not counting) the top level.
        for (var level = 2; level < _levels; level++)
        {
            ref var users = ref CollectionsMarshal.GetValueRefOrAddDefault(_upperUse[level - 2], key >> (_entriesShift * (level - 1)), out var existed);
            users++;
            if (existed)
            {
                break;
            }

            TablePages++;
        }

        return leaf;
    }

    private void RemoveLeaf(ulong key)
    {
        _leaves.Remove(key);
        if (_lastKey == key)
        {
            _lastKey = ulong.MaxValue;
            _lastLeaf = null;
        }

        if (_levels > 1)
        {
            TablePages--;
        }

        for (var level = 2; level < _levels; level++)
        {
            var table = _upperUse[level - 2];
            var upperKey = key >> (_entriesShift * (level - 1));
            ref var users = ref CollectionsMarshal.GetValueRefOrNullRef(table, upperKey);
            if (--users != 0)
            {
                break;
            }

            table.Remove(upperKey);
            TablePages--;
        }
    }

    private static ulong PresentEntry(FrameNumber frame, bool writable) =>
        ((ulong)frame.Value << FrameShift) | Present | User | (writable ? Writable : 0);

    private static FrameNumber FrameOf(ulong entry) => new((int)(entry >> FrameShift));

    private static long SlotOf(ulong entry) => (long)(entry >> FrameShift);

    // The raw word as the learner-facing entry.
    private static PageTableEntry Decode(ulong entry)
    {
        if ((entry & Present) != 0)
        {
            return new PageTableEntry(PteState.Present, FrameOf(entry), 0, (entry & Writable) != 0, (entry & Accessed) != 0,
                (entry & Dirty) != 0, (entry & ZeroPageBit) != 0);
        }

        return (entry & SwapBit) != 0 ? new PageTableEntry(PteState.Swapped, default, SlotOf(entry), false, false, false, false) : PageTableEntry.Empty;
    }

    // One lowest-level table page and how many of its entries are in use.
    private sealed class Leaf(int entries)
    {
        public ulong[] Entries { get; } = new ulong[entries];

        public int Used { get; set; }
    }
}
