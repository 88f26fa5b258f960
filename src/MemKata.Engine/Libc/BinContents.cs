namespace MemKata.Engine.Libc;

/// <summary>The chunks in one free list of the allocator.</summary>
/// <param name="Index">The bin's index (tcache, fastbin, or bin number; 1 is the unsorted list).</param>
/// <param name="ChunkSize">The chunk size the bin holds (the smallest, for a large bin; 0 for the unsorted list).</param>
/// <param name="Chunks">Chunk addresses, from the list's head.</param>
public sealed record BinContents(int Index, ulong ChunkSize, IReadOnlyList<ulong> Chunks);
