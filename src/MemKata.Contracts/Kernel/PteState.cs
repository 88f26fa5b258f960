namespace MemKata.Contracts.Kernel;

/// <summary>What a page table entry says about one virtual page.</summary>
public enum PteState
{
    /// <summary>Nothing: the page was never touched (or was unmapped). Touching it is a fault.</summary>
    None,

    /// <summary>The page sits in a frame; <see cref="PageTableEntry.Frame"/> says which.</summary>
    Present,

    /// <summary>The page was written to swap; <see cref="PageTableEntry.SwapSlot"/> says where. Touching it is a major fault.</summary>
    Swapped,
}
