namespace MemKata.Contracts.Kernel;

/// <summary>
/// A decoded page table entry, as the MMU sees it: present or not, the hardware bits, and either a frame or a swap slot.
/// </summary>
/// <param name="State">None, present, or swapped out.</param>
/// <param name="Frame">The frame holding the page when <see cref="State"/> is <see cref="PteState.Present"/>.</param>
/// <param name="SwapSlot">The swap slot holding the page when <see cref="State"/> is <see cref="PteState.Swapped"/>.</param>
/// <param name="Writable">The R/W bit: stores are allowed without a fault.</param>
/// <param name="Accessed">The A bit: the MMU set it on an access since the kernel last cleared it.</param>
/// <param name="Dirty">The D bit: the MMU set it on a store since the kernel last cleared it.</param>
/// <param name="IsZeroPage">True when the entry maps the shared, read-only zero page (a read of untouched anonymous memory).</param>
public readonly record struct PageTableEntry(
    PteState State, FrameNumber Frame, long SwapSlot, bool Writable, bool Accessed, bool Dirty, bool IsZeroPage)
{
    /// <summary>The entry of a page never touched.</summary>
    public static PageTableEntry Empty => default;

    /// <summary>True when the page is in RAM.</summary>
    public bool IsPresent => State == PteState.Present;
}
