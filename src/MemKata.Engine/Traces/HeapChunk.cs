namespace MemKata.Engine.Traces;

/// <summary>One chunk found by <see cref="HeapWalk"/>.</summary>
/// <param name="Address">Where the chunk starts (the pointer handed out is 16 bytes further).</param>
/// <param name="Size">Its size from its size word.</param>
/// <param name="Flags">The size word's low three bits (PREV_INUSE 0x1, IS_MMAPPED 0x2, NON_MAIN_ARENA 0x4).</param>
/// <param name="InUse">The next chunk's PREV_INUSE bit (a mapped chunk: always).</param>
/// <param name="IsLast">The heap's last chunk, reaching the break (glibc's top chunk).</param>
public readonly record struct HeapChunk(ulong Address, ulong Size, ulong Flags, bool InUse, bool IsLast);
