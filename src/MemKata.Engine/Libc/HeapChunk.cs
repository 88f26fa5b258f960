using MemKata.Contracts;

namespace MemKata.Engine.Libc;

/// <summary>Where a chunk of the heap stands, as the allocator sees it.</summary>
public enum HeapChunkState
{
    /// <summary>Handed out to the program.</summary>
    InUse,

    /// <summary>Free, parked in the tcache (still marked in use, so neighbours do not merge with it).</summary>
    InTcache,

    /// <summary>Free, in a fastbin (still marked in use until malloc_consolidate).</summary>
    InFastbin,

    /// <summary>Free, in the unsorted list or a small or large bin.</summary>
    InBin,

    /// <summary>The top chunk: the untouched end of the heap.</summary>
    Top,

    /// <summary>A fencepost sysmalloc placed where the heap stopped being contiguous.</summary>
    Fencepost,
}

/// <summary>One chunk of the brk heap: its address, its size (flags cleared), its flag bits and its state.</summary>
public readonly record struct HeapChunk(ulong Address, ulong Size, ulong Flags, HeapChunkState State)
{
    /// <summary>The pointer malloc returns for this chunk: the address past the 16-byte header.</summary>
    public ulong UserPointer => Address + ChunkLayout.HeaderSize;

    /// <summary>True if the PREV_INUSE bit is set.</summary>
    public bool PrevInUse => (Flags & ChunkHeader.PrevInUse) != 0;
}
