namespace MemKata.Engine.Kernel;

/// <summary>What a physical frame is used for.</summary>
public enum FrameUse : byte
{
    /// <summary>On the free list.</summary>
    Free,

    /// <summary>Taken from the free list but not mapped or cached yet (inside a fault).</summary>
    Allocated,

    /// <summary>One process's anonymous page.</summary>
    Anonymous,

    /// <summary>A page of a file, in the page cache.</summary>
    PageCache,
}
