using MemKata.Contracts;

/// <summary>
/// Sample submission "leaks-mmapped-chunks": the reference, except that a mapped block is never unmapped (free and
/// realloc forget the munmap), so every big block leaks its mapping. The reference solution of the allocator exercise: a readable malloc, not glibc's. It keeps glibc's chunk layout (a
/// 16-byte header whose size word sits at <c>p - 8</c>, flag bits in its low three bits), one explicit free list searched
/// first-fit, immediate coalescing with boundary tags, a top chunk grown with <c>sbrk</c> and trimmed back, and a mapping
/// of its own for every request whose chunk reaches 128 KiB.
/// </summary>
/// <remarks>
/// <code>
///   chunk ─► +0  prev_size  the previous chunk's size, written only while that chunk is free (its "footer")
///            +8  size | IS_MMAPPED (0x2) | PREV_INUSE (0x1)
///   p     ─► +16 user bytes (a free chunk keeps its free-list links here: +16 next, +24 previous)
///            ... the user may also use the next chunk's prev_size word: it is only needed once this chunk is free
/// </code>
/// </remarks>
public sealed class Allocator : IAllocator
{
    private const ulong WordSize = 8;
    private const ulong HeaderSize = 2 * WordSize;
    private const ulong Alignment = 16;
    private const ulong MinChunk = 32;
    private const ulong PrevInUse = 0x1;
    private const ulong IsMmapped = 0x2;
    private const ulong FlagBits = 0x7;
    private const ulong MmapThreshold = 128 * 1024;
    private const ulong TrimThreshold = 128 * 1024;
    private const ulong TopPad = 128 * 1024;
    private const ulong MaxRequest = long.MaxValue;

    private readonly IProcessMemory _memory;
    private ulong _heapStart;
    private ulong _top;
    private ulong _freeList;

    /// <summary>Creates the allocator of a process that has not called malloc yet. No system call happens here: the heap
    /// is created by the first malloc that needs it.</summary>
    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
    }

    /// <inheritdoc/>
    public ulong Malloc(ulong size)
    {
        if (size > MaxRequest)
        {
            return 0;
        }

        var nb = ChunkSizeFor(size);
        if (nb >= MmapThreshold)
        {
            return MallocMapped(nb);
        }

        var chunk = TakeFromFreeList(nb);
        if (chunk == 0)
        {
            chunk = TakeFromTop(nb);
        }

        return chunk == 0 ? 0 : chunk + HeaderSize;
    }

    /// <inheritdoc/>
    public void Free(ulong pointer)
    {
        if (pointer == 0)
        {
            return;
        }

        var chunk = pointer - HeaderSize;
        var field = SizeField(chunk);
        if ((field & IsMmapped) != 0)
        {
            FreeMapped(chunk, field & ~FlagBits);
            return;
        }

        CheckInUse(chunk, "free()");
        Release(chunk);
    }

    /// <inheritdoc/>
    public ulong Realloc(ulong pointer, ulong size)
    {
        if (pointer == 0)
        {
            return Malloc(size);
        }

        if (size == 0)
        {
            Free(pointer);
            return 0;
        }

        if (size > MaxRequest)
        {
            return 0;
        }

        var chunk = pointer - HeaderSize;
        var field = SizeField(chunk);
        var nb = ChunkSizeFor(size);
        if ((field & IsMmapped) != 0)
        {
            return ReallocMapped(chunk, field & ~FlagBits, nb, size);
        }

        CheckInUse(chunk, "realloc()");
        var oldSize = field & ~FlagBits;
        if (nb < MmapThreshold && (nb <= oldSize || TryGrowInPlace(chunk, oldSize, nb)))
        {
            ShrinkInPlace(chunk, nb);
            return pointer;
        }

        // Move: a new block, the old contents (its usable bytes are all smaller than the new size), the old block freed.
        var moved = Malloc(size);
        if (moved != 0)
        {
            _memory.Copy(moved, pointer, Math.Min(oldSize - WordSize, size));
            Release(chunk);
        }

        return moved;
    }

    /// <inheritdoc/>
    public ulong Calloc(ulong count, ulong size)
    {
        var bytes = (UInt128)count * size;
        if (bytes > MaxRequest)
        {
            return 0;
        }

        var pointer = Malloc((ulong)bytes);
        if (pointer != 0 && (SizeField(pointer - HeaderSize) & IsMmapped) == 0)
        {
            // A fresh mapping is already zero (the kernel hands out zeroed pages); reused heap memory is not.
            _memory.Fill(pointer, 0, (ulong)bytes);
        }

        return pointer;
    }

    // ---- sizes and headers ----------------------------------------------------------------------------------------

    // glibc's request2size: the user's bytes plus the size word, rounded up to 16; at least 32 so a free chunk holds its
    // two links. The next chunk's prev_size word is lent to the user, so the header costs only 8 bytes per block in use.
    private static ulong ChunkSizeFor(ulong request) =>
        Math.Max(MinChunk, (request + WordSize + Alignment - 1) & ~(Alignment - 1));

    private static ulong AlignUp(ulong value, ulong unit) => (value + unit - 1) & ~(unit - 1);

    private ulong SizeField(ulong chunk) => _memory.ReadWord(chunk + WordSize);

    private ulong ChunkSize(ulong chunk) => SizeField(chunk) & ~FlagBits;

    private void SetHead(ulong chunk, ulong sizeAndFlags) => _memory.WriteWord(chunk + WordSize, sizeAndFlags);

    // Changes a chunk's size, keeping its PREV_INUSE bit.
    private void SetSize(ulong chunk, ulong size) => SetHead(chunk, size | (SizeField(chunk) & PrevInUse));

    private bool IsInUse(ulong chunk, ulong size) => (SizeField(chunk + size) & PrevInUse) != 0;

    private void SetInUse(ulong chunk, ulong size) => SetHead(chunk + size, SizeField(chunk + size) | PrevInUse);

    // A free chunk's boundary tag: its size in the next chunk's prev_size, and the next chunk's PREV_INUSE cleared.
    private void MarkFree(ulong chunk, ulong size)
    {
        _memory.WriteWord(chunk + size, size);
        SetHead(chunk + size, SizeField(chunk + size) & ~PrevInUse);
    }

    // A pointer freed twice, or never handed out, must not corrupt the heap: say so, as glibc's checks do.
    private void CheckInUse(ulong chunk, string operation)
    {
        var size = ChunkSize(chunk);
        var inHeap = _top != 0 && chunk >= _heapStart && chunk < _top && chunk % Alignment == 0;
        if (!inHeap || size < MinChunk || size % Alignment != 0 || chunk + size > _top)
        {
            throw new HeapCorruptionException($"{operation}: invalid pointer 0x{chunk + HeaderSize:x}");
        }

        if (!IsInUse(chunk, size))
        {
            throw new HeapCorruptionException($"{operation}: double free detected (block 0x{chunk + HeaderSize:x} is already free)");
        }
    }

    // ---- the free list --------------------------------------------------------------------------------------------

    private ulong Next(ulong chunk) => _memory.ReadWord(chunk + 16);

    private ulong Previous(ulong chunk) => _memory.ReadWord(chunk + 24);

    private void Push(ulong chunk)
    {
        _memory.WriteWord(chunk + 16, _freeList);
        _memory.WriteWord(chunk + 24, 0);
        if (_freeList != 0)
        {
            _memory.WriteWord(_freeList + 24, chunk);
        }

        _freeList = chunk;
    }

    private void Unlink(ulong chunk)
    {
        var next = Next(chunk);
        var previous = Previous(chunk);
        if (previous == 0)
        {
            _freeList = next;
        }
        else
        {
            _memory.WriteWord(previous + 16, next);
        }

        if (next != 0)
        {
            _memory.WriteWord(next + 24, previous);
        }
    }

    // First fit: the first free chunk big enough, split if the rest can stand as a chunk of its own.
    private ulong TakeFromFreeList(ulong nb)
    {
        for (var chunk = _freeList; chunk != 0; chunk = Next(chunk))
        {
            var size = ChunkSize(chunk);
            if (size >= nb)
            {
                Unlink(chunk);
                SetInUse(chunk, size);
                ShrinkInPlace(chunk, nb);
                return chunk;
            }
        }

        return 0;
    }

    // Cuts an in-use chunk down to nb bytes and frees the rest, if the rest is big enough to be a chunk.
    private void ShrinkInPlace(ulong chunk, ulong nb)
    {
        var size = ChunkSize(chunk);
        if (size - nb < MinChunk)
        {
            return;
        }

        var rest = chunk + nb;
        SetSize(chunk, nb);
        SetHead(rest, (size - nb) | PrevInUse);
        Release(rest);
    }

    // Frees a heap chunk that is in use: merges it with free neighbours (boundary tags), then gives it to the top chunk
    // or the free list.
    private void Release(ulong chunk)
    {
        var size = ChunkSize(chunk);
        if ((SizeField(chunk) & PrevInUse) == 0)
        {
            var previousSize = _memory.ReadWord(chunk);
            SetHead(chunk, 0); // a second free of this pointer now finds no size: "invalid pointer"
            chunk -= previousSize;
            Unlink(chunk);
            size += previousSize;
        }

        var next = chunk + size;
        if (next == _top)
        {
            var topSize = ChunkSize(_top);
            SetHead(_top, 0);
            _top = chunk;
            SetHead(_top, (size + topSize) | PrevInUse);
            TrimTop();
            return;
        }

        var nextSize = ChunkSize(next);
        if (!IsInUse(next, nextSize))
        {
            Unlink(next);
            SetHead(next, 0);
            size += nextSize;
        }

        SetHead(chunk, size | PrevInUse);
        MarkFree(chunk, size);
        Push(chunk);
    }

    // ---- the top chunk and the break ------------------------------------------------------------------------------

    // Carves nb bytes from the start of the top chunk, growing the heap first if top cannot keep a minimal chunk after.
    private ulong TakeFromTop(ulong nb)
    {
        if (!EnsureTop(nb + MinChunk))
        {
            return 0;
        }

        var chunk = _top;
        var topSize = ChunkSize(chunk);
        _top = chunk + nb;
        SetSize(chunk, nb);
        SetHead(_top, (topSize - nb) | PrevInUse);
        return chunk;
    }

    // Grows the heap with sbrk until the top chunk holds at least `needed` bytes, asking for TopPad more so the next
    // requests need no system call. The first call creates the heap.
    private bool EnsureTop(ulong needed)
    {
        var topSize = _top == 0 ? 0 : ChunkSize(_top);
        if (topSize >= needed)
        {
            return true;
        }

        var start = _memory.ProgramBreak;
        var misalignment = _top == 0 ? (Alignment - (start % Alignment)) % Alignment : 0;
        var growth = AlignUp(needed - topSize + TopPad + misalignment, _memory.PageSize);
        if (growth > long.MaxValue || _memory.Sbrk((long)growth) == Syscall.Failed)
        {
            return false;
        }

        if (_top == 0)
        {
            // The heap's first chunk has no chunk before it to merge with: its PREV_INUSE bit is set for good.
            _heapStart = start + misalignment;
            _top = _heapStart;
            SetHead(_top, (growth - misalignment) | PrevInUse);
        }
        else
        {
            SetSize(_top, topSize + growth);
        }

        return true;
    }

    // When the free space at the end of the heap exceeds the trim threshold, give whole pages back with a negative sbrk,
    // keeping TopPad (and a minimal chunk) for the requests to come.
    private void TrimTop()
    {
        var topSize = ChunkSize(_top);
        if (topSize <= TrimThreshold || topSize - MinChunk <= TopPad)
        {
            return;
        }

        var release = (topSize - MinChunk - TopPad) & ~(_memory.PageSize - 1);
        if (release == 0 || _memory.Sbrk(-(long)release) == Syscall.Failed)
        {
            return;
        }

        SetSize(_top, topSize - release);
    }

    // Grows an in-use chunk into the free chunk or the top chunk after it, if that makes room for nb bytes.
    private bool TryGrowInPlace(ulong chunk, ulong size, ulong nb)
    {
        var next = chunk + size;
        if (next == _top)
        {
            if (!EnsureTop(nb - size + MinChunk))
            {
                return false;
            }

            var topSize = ChunkSize(_top);
            SetSize(chunk, nb);
            _top = chunk + nb;
            SetHead(_top, (topSize - (nb - size)) | PrevInUse);
            return true;
        }

        var nextSize = ChunkSize(next);
        if (IsInUse(next, nextSize) || size + nextSize < nb)
        {
            return false;
        }

        Unlink(next);
        SetHead(next, 0);
        SetSize(chunk, size + nextSize);
        SetInUse(chunk, size + nextSize);
        return true;
    }

    // ---- chunks with a mapping of their own -----------------------------------------------------------------------

    // The mapping's length: the chunk plus the size word no next chunk lends here, rounded up to pages (glibc's rule).
    private ulong MappingLengthFor(ulong nb) => AlignUp(nb + WordSize, _memory.PageSize);

    private ulong MallocMapped(ulong nb)
    {
        var length = MappingLengthFor(nb);
        if (length < nb)
        {
            return 0;
        }

        var mapping = _memory.Mmap(length);
        if (mapping == Syscall.Failed)
        {
            return 0;
        }

        _memory.WriteWord(mapping, 0);
        SetHead(mapping, length | IsMmapped);
        return mapping + HeaderSize;
    }

    private void FreeMapped(ulong chunk, ulong length)
    {
        if (chunk % _memory.PageSize != 0 || length % _memory.PageSize != 0)
        {
            throw new HeapCorruptionException($"munmap_chunk(): invalid pointer 0x{chunk + HeaderSize:x}");
        }

        // Forgot: _memory.Munmap(chunk, length);
    }

    // A mapped block stays mapped while it is big enough (mremap resizes it, moving it if it must); a block that shrinks
    // below the threshold moves to the heap.
    private ulong ReallocMapped(ulong chunk, ulong length, ulong nb, ulong size)
    {
        if (nb >= MmapThreshold)
        {
            var newLength = MappingLengthFor(nb);
            if (newLength == length)
            {
                return chunk + HeaderSize;
            }

            var moved = _memory.Mremap(chunk, length, newLength, mayMove: true);
            if (moved != Syscall.Failed)
            {
                SetHead(moved, newLength | IsMmapped);
                return moved + HeaderSize;
            }
        }

        var pointer = Malloc(size);
        if (pointer != 0)
        {
            _memory.Copy(pointer, chunk + HeaderSize, Math.Min(length - HeaderSize, size));
            FreeMapped(chunk, length);
        }

        return pointer;
    }
}
