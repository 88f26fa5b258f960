using MemKata.Engine.Libc;

namespace MemKata.Engine.Tests.Libc;

/// <summary>
/// The heap's invariants, checked from the outside: chunks tile the heap, free chunks are merged and correctly linked,
/// every live block is a chunk in use that holds its request, and live blocks keep the bytes written into them.
/// </summary>
internal static class HeapInvariants
{
    public static void Check(TestHeap heap, IReadOnlyDictionary<ulong, ulong> liveBlocks)
    {
        var malloc = heap.Malloc;
        var chunks = malloc.WalkHeap();
        var byAddress = chunks.ToDictionary(c => c.Address);
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            Require(chunk.UserPointer % 16 == 0, $"chunk 0x{chunk.Address:x} is not 16-byte aligned");
            Require(chunk.Size % 16 == 0, $"chunk 0x{chunk.Address:x} has size 0x{chunk.Size:x}, not a multiple of 16");
            Require(chunk.Size >= 32 || chunk.State == HeapChunkState.Fencepost, $"chunk 0x{chunk.Address:x} is smaller than MINSIZE");
            Require(i > 0 || chunk.PrevInUse, "the first chunk must have PREV_INUSE set");
            if (i + 1 < chunks.Count)
            {
                var next = chunks[i + 1];
                var free = chunk.State == HeapChunkState.InBin;
                Require(next.PrevInUse == !free, $"chunk 0x{next.Address:x}: PREV_INUSE disagrees with its predecessor's state {chunk.State}");
                Require(!(free && next.State is HeapChunkState.InBin or HeapChunkState.Top), $"free chunk 0x{chunk.Address:x} was not merged with its neighbour");
                if (free)
                {
                    Require(heap.Memory.ReadWord(next.Address) == chunk.Size, $"free chunk 0x{chunk.Address:x}: footer does not match its size");
                }
            }
        }

        var inBins = malloc.BinChunks().SelectMany(bin => bin.Chunks.Select(c => (bin.Index, Chunk: c))).ToList();
        Require(inBins.Select(x => x.Chunk).Distinct().Count() == inBins.Count, "a chunk is in two bins");
        foreach (var (index, address) in inBins)
        {
            Require(byAddress.TryGetValue(address, out var c) && c.State == HeapChunkState.InBin, $"bin {index} holds 0x{address:x}, which is not a free heap chunk");
            if (index is > 1 and < 64)
            {
                Require(c.Size == (ulong)index * 16, $"small bin {index} holds a chunk of size 0x{c.Size:x}");
            }
        }

        Require(chunks.Count(c => c.State == HeapChunkState.InBin) == inBins.Count, "a free chunk is in no bin");

        foreach (var (pointer, request) in liveBlocks)
        {
            if (heap.IsMmapped(pointer))
            {
                Require(heap.ChunkSize(pointer) - 16 >= request, $"mapped block 0x{pointer:x} is too small");
                Require(heap.Memory.FindMapping(pointer - 16)?.Start == pointer - 16, $"mapped block 0x{pointer:x} is not at the start of its mapping");
                continue;
            }

            Require(byAddress.TryGetValue(pointer - 16, out var chunk) && chunk.State == HeapChunkState.InUse, $"live block 0x{pointer:x} is not a chunk in use");
            Require(malloc.UsableSize(pointer) >= request, $"live block 0x{pointer:x} holds fewer than the {request} bytes asked for");
        }
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new AssertionException("heap invariant broken: " + what);
        }
    }
}
