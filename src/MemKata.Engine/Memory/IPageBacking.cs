namespace MemKata.Engine.Memory;

/// <summary>
/// The physical side of a process's memory: what lies behind each virtual page. The access path
/// (<see cref="SimulatedProcessMemory"/>) asks it for a page's bytes on a TLB miss, which is where a real CPU would walk
/// the page tables and, for a page not present, raise a page fault. The kernel simulation implements this with frames,
/// a page cache and swap; <see cref="DemandZeroPageBacking"/> is the plain version that only hands out zeroed pages.
/// </summary>
/// <remarks>
/// Contract: page numbers are virtual addresses shifted right by the page shift. The mapping passed in is the one that
/// covers the page and allows the access (the caller checked). A returned array is exactly one page long, allocated
/// pinned (<c>GC.AllocateArray(pageSize, pinned: true)</c>: the MMU keeps its address), and stays the
/// page's storage until the backing calls <see cref="Mmu.FlushTlb()"/> (for example after evicting it).
/// A caller must not keep one page's array while it fetches another: the fetch may fault, reclaim or evict, and flush it.
/// </remarks>
public interface IPageBacking
{
    /// <summary>The bytes of a page to be read. May be a shared, read-only zero page for a page never written.</summary>
    byte[] PageForRead(ulong pageNumber, Mapping mapping);

    /// <summary>The bytes of a page to be written: its own storage, allocated (and zeroed) on first write.</summary>
    byte[] PageForWrite(ulong pageNumber, Mapping mapping);

    /// <summary>Forgets the pages [<paramref name="firstPage"/>, <paramref name="firstPage"/> + <paramref name="count"/>):
    /// they were unmapped, and their contents are gone.</summary>
    void Discard(ulong firstPage, ulong count);

    /// <summary>Moves the contents of <paramref name="count"/> pages to a new virtual place (mremap moving a mapping).
    /// The source pages are empty afterwards.</summary>
    void Move(ulong fromPage, ulong toPage, ulong count);
}
