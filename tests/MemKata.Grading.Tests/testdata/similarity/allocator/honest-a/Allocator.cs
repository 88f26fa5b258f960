using MemKata.Contracts;

/// <summary>
/// A first-fit malloc with one doubly linked free list, boundary tags and a top chunk. Chunks follow glibc's layout:
/// prev_size at +0, size | flags at +8, user bytes at +16; a free chunk keeps its links at +16 (next) and +24 (prev) and
/// its size in its last word.
/// </summary>
public sealed class Allocator : IAllocator
{
    private const ulong Word = 8;
    private const ulong Overhead = 16;
    private const ulong Smallest = 32;
    private const ulong PrevInUse = 1;
    private const ulong Mapped = 2;
    private const ulong FlagBits = 7;
    private const ulong BigRequest = 128 * 1024;
    private const ulong TrimAbove = 128 * 1024;
    private const ulong Pad = 64 * 1024;
    private const ulong MaxRequest = long.MaxValue;

    private readonly IProcessMemory _mem;
    private ulong _heapStart;
    private ulong _topChunk;
    private ulong _freeHead;

    /// <summary>Creates the allocator; the heap is made by the first malloc.</summary>
    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _mem = memory;
    }

    /// <inheritdoc/>
    public ulong Malloc(ulong size)
    {
        if (size > MaxRequest - 4096)
        {
            return 0;
        }

        ulong need = ChunkSizeFor(size);
        if (need >= BigRequest)
        {
            return MapBig(need);
        }

        for (ulong c = _freeHead; c != 0; c = _mem.ReadWord(c + 16))
        {
            ulong have = SizeOf(c);
            if (have >= need)
            {
                Unlink(c);
                SplitAndUse(c, have, need);
                return c + Overhead;
            }
        }

        return FromTop(need);
    }

    /// <inheritdoc/>
    public void Free(ulong pointer)
    {
        if (pointer == 0)
        {
            return;
        }

        ulong c = pointer - Overhead;
        ulong word = _mem.ReadWord(c + Word);
        if ((word & Mapped) != 0)
        {
            _mem.Munmap(c, word & ~FlagBits);
            return;
        }

        ulong size = word & ~FlagBits;
        ulong after = c + size;
        if (after != _topChunk && (_mem.ReadWord(after + Word) & PrevInUse) == 0)
        {
            throw new HeapCorruptionException("free(): double free detected");
        }

        if (after == _topChunk)
        {
            // Merge into the top chunk, after the chunk before if it is free.
            if ((word & PrevInUse) == 0)
            {
                ulong before = c - _mem.ReadWord(c);
                Unlink(before);
                c = before;
            }

            ulong topSize = SizeOf(_topChunk) + (_topChunk - c);
            _topChunk = c;
            _mem.WriteWord(c + Word, topSize | PrevInUse);
            Trim();
            return;
        }

        ulong afterWord = _mem.ReadWord(after + Word);
        ulong afterSize = afterWord & ~FlagBits;
        bool afterFree = after + afterSize == _topChunk
            ? false
            : (_mem.ReadWord(after + afterSize + Word) & PrevInUse) == 0;
        if (afterFree)
        {
            Unlink(after);
            size += afterSize;
        }

        if ((word & PrevInUse) == 0)
        {
            ulong prevSize = _mem.ReadWord(c);
            c -= prevSize;
            Unlink(c);
            size += prevSize;
        }

        MakeFree(c, size);
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

        if (size > MaxRequest - 4096)
        {
            return 0;
        }

        ulong c = pointer - Overhead;
        ulong word = _mem.ReadWord(c + Word);
        ulong old = word & ~FlagBits;
        ulong need = ChunkSizeFor(size);
        if ((word & Mapped) == 0 && need < BigRequest)
        {
            if (need <= old)
            {
                return pointer;
            }

            ulong after = c + old;
            if (after == _topChunk && SizeOf(_topChunk) >= need - old + Smallest)
            {
                ulong rest = SizeOf(_topChunk) - (need - old);
                _mem.WriteWord(c + Word, need | (word & PrevInUse));
                _topChunk = c + need;
                _mem.WriteWord(_topChunk + Word, rest | PrevInUse);
                return pointer;
            }
        }

        ulong fresh = Malloc(size);
        if (fresh == 0)
        {
            return 0;
        }

        ulong usable = (word & Mapped) != 0 ? old - Overhead : old - Word;
        _mem.Copy(fresh, pointer, Math.Min(usable, size));
        Free(pointer);
        return fresh;
    }

    /// <inheritdoc/>
    public ulong Calloc(ulong count, ulong size)
    {
        if (count != 0 && size > MaxRequest / count)
        {
            return 0;
        }

        ulong total = count * size;
        ulong p = Malloc(total);
        if (p != 0)
        {
            _mem.Fill(p, 0, total);
        }

        return p;
    }

    private static ulong ChunkSizeFor(ulong request) => Math.Max(Smallest, (request + Word + 15) & ~15UL);

    private ulong SizeOf(ulong chunk) => _mem.ReadWord(chunk + Word) & ~FlagBits;

    private ulong MapBig(ulong need)
    {
        ulong length = (need + Word + 4095) & ~4095UL;
        ulong at = _mem.Mmap(length);
        if (at == Syscall.Failed)
        {
            return 0;
        }

        _mem.WriteWord(at, 0);
        _mem.WriteWord(at + Word, length | Mapped);
        return at + Overhead;
    }

    private ulong FromTop(ulong need)
    {
        if (_topChunk == 0)
        {
            _heapStart = _mem.ProgramBreak;
            ulong first = (_heapStart + 15) & ~15UL;
            if (_mem.Sbrk((long)(first - _heapStart)) == Syscall.Failed)
            {
                return 0;
            }

            _topChunk = first;
            _mem.WriteWord(_topChunk + Word, PrevInUse);
        }

        ulong top = SizeOf(_topChunk);
        if (top < need + Smallest)
        {
            ulong grow = (need + Smallest + Pad + 4095) & ~4095UL;
            if (_mem.Sbrk((long)grow) == Syscall.Failed)
            {
                return 0;
            }

            top += grow;
        }

        ulong chunk = _topChunk;
        _topChunk = chunk + need;
        _mem.WriteWord(chunk + Word, need | (_mem.ReadWord(chunk + Word) & PrevInUse));
        _mem.WriteWord(_topChunk + Word, (top - need) | PrevInUse);
        return chunk + Overhead;
    }

    private void SplitAndUse(ulong c, ulong have, ulong need)
    {
        ulong keepFlag = _mem.ReadWord(c + Word) & PrevInUse;
        if (have - need >= Smallest)
        {
            _mem.WriteWord(c + Word, need | keepFlag);
            MakeFree(c + need, have - need);
            return;
        }

        ulong next = c + have;
        _mem.WriteWord(next + Word, _mem.ReadWord(next + Word) | PrevInUse);
    }

    private void MakeFree(ulong c, ulong size)
    {
        _mem.WriteWord(c + Word, size | PrevInUse);
        ulong next = c + size;
        _mem.WriteWord(next, size);
        _mem.WriteWord(next + Word, _mem.ReadWord(next + Word) & ~PrevInUse);
        _mem.WriteWord(c + 16, _freeHead);
        _mem.WriteWord(c + 24, 0);
        if (_freeHead != 0)
        {
            _mem.WriteWord(_freeHead + 24, c);
        }

        _freeHead = c;
    }

    private void Unlink(ulong c)
    {
        ulong next = _mem.ReadWord(c + 16);
        ulong prev = _mem.ReadWord(c + 24);
        if (prev == 0)
        {
            _freeHead = next;
        }
        else
        {
            _mem.WriteWord(prev + 16, next);
        }

        if (next != 0)
        {
            _mem.WriteWord(next + 24, prev);
        }
    }

    private void Trim()
    {
        ulong top = SizeOf(_topChunk);
        if (top <= TrimAbove)
        {
            return;
        }

        ulong release = (top - Pad) & ~4095UL;
        if (release == 0 || _mem.Sbrk(-(long)release) == Syscall.Failed)
        {
            return;
        }

        _mem.WriteWord(_topChunk + Word, (top - release) | PrevInUse);
    }
}
