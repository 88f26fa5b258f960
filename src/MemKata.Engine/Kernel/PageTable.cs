using System.Runtime.InteropServices;
using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// One process's page table: an entry per touched virtual page, with the x86 bits (present, writable, user, accessed,
/// dirty) and either a frame number or a swap slot. It is sparse: only touched pages have entries, so reserving a huge
/// range costs nothing. It also counts the page-table pages a real multi-level table would need for those entries.
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
    public const ulong Present = 1UL << 0;

    /// <summary>Bit 1: stores are allowed.</summary>
    public const ulong Writable = 1UL << 1;

    /// <summary>Bit 2: user mode may access the page.</summary>
    public const ulong User = 1UL << 2;

    /// <summary>Bit 5: set by the MMU on any access.</summary>
    public const ulong Accessed = 1UL << 5;

    /// <summary>Bit 6: set by the MMU on a store.</summary>
    public const ulong Dirty = 1UL << 6;

    /// <summary>Software bit 9: the entry maps the shared zero page.</summary>
    public const ulong ZeroPageBit = 1UL << 9;

    /// <summary>Software bit 10: a swap entry.</summary>
    public const ulong SwapBit = 1UL << 10;

    private const int FrameShift = 12;

    private readonly Dictionary<ulong, ulong> _entries = [];
    // Per level below the top (index 0 = level 1), how many entries each table page covers that exist.
    private readonly Dictionary<ulong, int>[] _tableUse;
    private readonly int _levels;
    private readonly int _entriesShift;

    /// <summary>Creates an empty table for an architecture with <paramref name="levels"/> levels of
    /// 2^<paramref name="entriesShift"/> entries each.</summary>
    public PageTable(int levels, int entriesShift)
    {
        _levels = levels;
        _entriesShift = entriesShift;
        _tableUse = [.. Enumerable.Range(0, Math.Max(levels - 1, 0)).Select(_ => new Dictionary<ulong, int>())];
    }

    /// <summary>Number of entries (present or swapped).</summary>
    public int Count => _entries.Count;

    /// <summary>Page-table pages below the top level needed for the current entries (<c>VmPTE</c> in pages).</summary>
    public long TablePages { get; private set; }

    /// <summary>Every (virtual page, entry), in no particular order.</summary>
    public IEnumerable<KeyValuePair<ulong, ulong>> Entries => _entries;

    /// <summary>The raw entry for virtual page <paramref name="page"/>, 0 if none.</summary>
    public ulong Get(ulong page) => _entries.GetValueOrDefault(page);

    /// <summary>Sets the raw entry for <paramref name="page"/>; 0 removes it.</summary>
    public void Set(ulong page, ulong entry)
    {
        if (entry == 0)
        {
            Clear(page);
            return;
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, page, out var present);
        slot = entry;
        if (!present)
        {
            // Levels 1 .. levels-1 (PTE, PMD, PUD tables on x86-64; PTE tables on i386); the top level is never counted.
            for (var level = 1; level < _levels; level++)
            {
                ref var users = ref CollectionsMarshal.GetValueRefOrAddDefault(_tableUse[level - 1], page >> (_entriesShift * level), out var existed);
                if (!existed)
                {
                    TablePages++;
                }

                users++;
            }
        }
    }

    /// <summary>Removes the entry for <paramref name="page"/>; freeing a page-table page when it holds no entry any more.</summary>
    public void Clear(ulong page)
    {
        if (!_entries.Remove(page))
        {
            return;
        }

        for (var level = 1; level < _levels; level++)
        {
            var table = _tableUse[level - 1];
            var key = page >> (_entriesShift * level);
            ref var users = ref CollectionsMarshal.GetValueRefOrNullRef(table, key);
            if (--users == 0)
            {
                table.Remove(key);
                TablePages--;
            }
        }
    }

    /// <summary>A present entry for <paramref name="frame"/>.</summary>
    public static ulong PresentEntry(FrameNumber frame, bool writable) =>
        ((ulong)frame.Value << FrameShift) | Present | User | (writable ? Writable : 0);

    /// <summary>A swap entry for <paramref name="slot"/>.</summary>
    public static ulong SwapEntry(long slot) => ((ulong)slot << FrameShift) | SwapBit;

    /// <summary>The frame of a present entry.</summary>
    public static FrameNumber FrameOf(ulong entry) => new((int)(entry >> FrameShift));

    /// <summary>The slot of a swap entry.</summary>
    public static long SlotOf(ulong entry) => (long)(entry >> FrameShift);

    /// <summary>Decodes a raw entry into the learner-facing view.</summary>
    public static PageTableEntry Decode(ulong entry)
    {
        if ((entry & Present) != 0)
        {
            return new PageTableEntry(PteState.Present, FrameOf(entry), 0, (entry & Writable) != 0, (entry & Accessed) != 0,
                (entry & Dirty) != 0, (entry & ZeroPageBit) != 0);
        }

        return (entry & SwapBit) != 0 ? new PageTableEntry(PteState.Swapped, default, SlotOf(entry), false, false, false, false) : PageTableEntry.Empty;
    }
}
