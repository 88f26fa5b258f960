using MemKata.Contracts;
using MemKata.Engine.Libc;

namespace MemKata.Reports.Html.Recording;

/// <summary>How the heap picture colours a chunk.</summary>
public enum HeapBoxKind
{
    /// <summary>Handed out to the program.</summary>
    InUse,

    /// <summary>Free (in the tcache, a fastbin, the unsorted list or a bin).</summary>
    Free,

    /// <summary>The top chunk.</summary>
    Top,

    /// <summary>A chunk with a mapping of its own (mmapped).</summary>
    Mmapped,

    /// <summary>A fencepost sysmalloc left where the heap stopped being contiguous.</summary>
    Fencepost,
}

/// <summary>One chunk as the heap picture draws it: where it starts, its size, its flag bits and its kind; a free chunk
/// also says where glibc keeps it.</summary>
/// <param name="Address">The chunk's address (its 16-byte header starts here; the user pointer is 16 bytes on).</param>
/// <param name="Size">Its size in bytes, flags cleared.</param>
/// <param name="Flags">Its flag bits (PREV_INUSE 1, IS_MMAPPED 2, NON_MAIN_ARENA 4).</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Where">For a free chunk: tcache, fastbin or bin; otherwise empty.</param>
public readonly record struct HeapBox(ulong Address, ulong Size, ulong Flags, HeapBoxKind Kind, string Where)
{
    /// <summary>The chunk header's size: prev_size and the size word, 8 bytes each (the user pointer is this far on).</summary>
    public const ulong HeaderSize = ChunkHeader.SizeWordOffset * 2;

    /// <summary>One past the chunk's last byte.</summary>
    public ulong End => Address + Size;

    /// <summary>The box for a chunk of any allocator's heap, read from its size words (<see cref="Engine.Traces.HeapWalk"/>):
    /// a chunk with a mapping of its own, the last chunk when it is free (as glibc's top), in use or free.</summary>
    public static HeapBox Of(Engine.Traces.HeapChunk chunk) => new(chunk.Address, chunk.Size, chunk.Flags,
        (chunk.Flags & ChunkHeader.Mmapped) != 0 ? HeapBoxKind.Mmapped
        : chunk.InUse ? HeapBoxKind.InUse
        : chunk.IsLast ? HeapBoxKind.Top
        : HeapBoxKind.Free, "");

    /// <summary>The box for a chunk of glibc's heap walk.</summary>
    public static HeapBox Of(HeapChunk chunk) => new(chunk.Address, chunk.Size, chunk.Flags, chunk.State switch
    {
        HeapChunkState.InUse => HeapBoxKind.InUse,
        HeapChunkState.Top => HeapBoxKind.Top,
        HeapChunkState.Fencepost => HeapBoxKind.Fencepost,
        _ => HeapBoxKind.Free,
    }, chunk.State switch
    {
        HeapChunkState.InTcache => "tcache",
        HeapChunkState.InFastbin => "fastbin",
        HeapChunkState.InBin => "bin",
        _ => "",
    });
}
