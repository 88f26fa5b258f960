using static MemKata.Engine.Libc.ChunkLayout;

namespace MemKata.Engine.Libc;

/// <summary>
/// Read-only views of the heap for teaching and checking: the chunks in address order with their state, and the
/// contents of the tcache, the fastbins and the bins. Nothing here changes the heap.
/// </summary>
public sealed partial class GlibcMalloc
{
    /// <summary>The chunks of the brk heap from its first chunk to the top chunk, in address order. Empty before the
    /// heap exists. Throws <see cref="MemKata.Contracts.HeapCorruptionException"/> if the sizes do not tile the heap.</summary>
    public IReadOnlyList<HeapChunk> WalkHeap()
    {
        var chunks = new List<HeapChunk>();
        if (Tunables.SbrkBase == 0 || !_contiguous)
        {
            return chunks;
        }

        var cached = new HashSet<ulong>(TcacheChunks().SelectMany(bin => bin.Chunks));
        var fast = new HashSet<ulong>(FastbinChunks().SelectMany(bin => bin.Chunks));
        var start = Tunables.SbrkBase + ((Alignment - (ChunkToMem(Tunables.SbrkBase) & AlignMask)) & AlignMask);
        var chunk = start;
        while (chunk < _top)
        {
            var field = SizeField(chunk);
            var size = field & ~SizeBits;
            if (size < HeaderSize || chunk + size > _top)
            {
                throw Corruption($"heap walk: chunk at 0x{chunk:x} has impossible size 0x{size:x}");
            }

            var state = size == HeaderSize ? HeapChunkState.Fencepost
                : cached.Contains(chunk) ? HeapChunkState.InTcache
                : fast.Contains(chunk) ? HeapChunkState.InFastbin
                : InUseAt(chunk, size) ? HeapChunkState.InUse
                : HeapChunkState.InBin;
            chunks.Add(new HeapChunk(chunk, size, field & SizeBits, state));
            chunk += size;
        }

        if (chunk != _top)
        {
            throw Corruption($"heap walk: chunks end at 0x{chunk:x}, not at the top chunk 0x{_top:x}");
        }

        chunks.Add(new HeapChunk(_top, ChunkSize(_top), SizeField(_top) & SizeBits, HeapChunkState.Top));
        return chunks;
    }

    /// <summary>Each non-empty tcache bin: its index, the chunk size it holds, and its chunks from head to tail.</summary>
    public IReadOnlyList<BinContents> TcacheChunks()
    {
        var bins = new List<BinContents>();
        if (_tcache == 0)
        {
            return bins;
        }

        for (var index = 0UL; index < Tunables.TcacheBins; index++)
        {
            var list = new List<ulong>();
            for (var e = _mmu.ReadWord(TcacheEntryAddress(index)); e != 0 && list.Count <= ushort.MaxValue; e = Protect(e, _mmu.ReadWord(e)))
            {
                list.Add(MemToChunk(e));
            }

            if (list.Count > 0)
            {
                bins.Add(new BinContents((int)index, (index * Alignment) + MinSize, list));
            }
        }

        return bins;
    }

    /// <summary>Each non-empty fastbin: its index, the chunk size it holds, and its chunks from head to tail.</summary>
    public IReadOnlyList<BinContents> FastbinChunks()
    {
        var bins = new List<BinContents>();
        for (var index = 0; index < FastbinCount; index++)
        {
            var list = new List<ulong>();
            for (var c = _fastbins[index]; c != 0 && list.Count <= 1_000_000; c = Protect(c + FdOffset, Fd(c)))
            {
                list.Add(c);
            }

            if (list.Count > 0)
            {
                bins.Add(new BinContents(index, ((ulong)index + 2) * Alignment, list));
            }
        }

        return bins;
    }

    /// <summary>The unsorted list (index 1) and each non-empty small or large bin, chunks in list order from fd.
    /// <see cref="BinContents.ChunkSize"/> is the smallest size the bin holds.</summary>
    public IReadOnlyList<BinContents> BinChunks()
    {
        var bins = new List<BinContents>();
        if (!_initialized)
        {
            return bins;
        }

        for (var index = 1; index < BinCount; index++)
        {
            var bin = BinAt(index);
            var list = new List<ulong>();
            for (var c = Fd(bin); c != bin && list.Count <= 1_000_000; c = Fd(c))
            {
                list.Add(c);
            }

            if (list.Count > 0)
            {
                bins.Add(new BinContents(index, SmallestSizeOfBin(index), list));
            }
        }

        return bins;
    }

    /// <summary>True if bin <paramref name="index"/>'s bit is set in the binmap (set when a chunk is filed there, cleared
    /// lazily when malloc finds the bin empty).</summary>
    public bool IsBinMarked(int index) => (_binmap[index >> 5] & (1u << (index & 31))) != 0;

    private static ulong SmallestSizeOfBin(int index)
    {
        if (index == 1)
        {
            return 0;
        }

        if (index < SmallBinCount)
        {
            return (ulong)index * Alignment;
        }

        for (var size = MinLargeSize; ; size += Alignment)
        {
            if (LargeBinIndex(size) == index)
            {
                return size;
            }
        }
    }
}
