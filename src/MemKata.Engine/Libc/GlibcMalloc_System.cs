using MemKata.Contracts;
using static MemKata.Engine.Libc.ChunkLayout;

namespace MemKata.Engine.Libc;

/// <summary>
/// Where malloc meets the kernel. sysmalloc serves a request the heap cannot: with a mapping of its own when it reaches
/// the mmap threshold, else by growing the heap with sbrk by the request + top pad + MINSIZE, rounded up to pages (the
/// 132 KiB of the first growth). systrim gives the top of the heap back when it exceeds the trim threshold; mmapped
/// chunks are unmapped on free and resized with mremap.
/// </summary>
public sealed partial class GlibcMalloc
{
    private ulong Sysmalloc(ulong nb)
    {
        if (nb >= Tunables.MmapThreshold && Tunables.MmappedChunks < Tunables.MmapMax)
        {
            var mapped = SysmallocMmap(nb);
            if (mapped != 0)
            {
                return mapped;
            }
        }

        var oldTop = _top;
        var oldSize = ChunkSize(oldTop);
        var oldEnd = oldTop + oldSize;
        var brk = Syscall.Failed;
        var secondBrk = Syscall.Failed;

        // Ask for the request, the pad and room for a minimal top; the existing top counts when the heap is contiguous.
        var size = unchecked((long)(nb + Tunables.TopPad + MinSize));
        if (_contiguous)
        {
            size -= (long)oldSize;
        }

        size = unchecked((long)AlignUp((ulong)size, _pageSize));
        if (size > 0)
        {
            brk = _memory.Sbrk(size);
        }

        if (brk == Syscall.Failed)
        {
            // The break cannot move (another mapping is in the way): use an mmapped region as the heap's next piece.
            var fallback = (ulong)size;
            if (_contiguous)
            {
                fallback = AlignUp(fallback + oldSize, _pageSize);
            }

            if (fallback < MmapAsMorecoreSize)
            {
                fallback = MmapAsMorecoreSize;
            }

            if (fallback > nb)
            {
                var region = _memory.Mmap(fallback);
                if (region != Syscall.Failed)
                {
                    _contiguous = false;
                    size = (long)fallback;
                    brk = region;
                    secondBrk = region + fallback;
                }
            }
        }

        if (brk != Syscall.Failed)
        {
            if (Tunables.SbrkBase == 0)
            {
                Tunables.SbrkBase = brk;
            }

            _systemMem += (ulong)size;
            if (brk == oldEnd && secondBrk == Syscall.Failed)
            {
                // The usual case after the first growth: the new space extends the top chunk.
                SetHead(oldTop, ((ulong)size + oldSize) | PrevInUse);
            }
            else if (_contiguous && oldSize != 0 && brk < oldEnd)
            {
                throw Corruption("break adjusted to free malloc space");
            }
            else
            {
                AdoptNewHeapSpace(brk, (ulong)size, secondBrk, oldTop, oldSize, oldEnd);
            }
        }

        if (_systemMem > _maxSystemMem)
        {
            _maxSystemMem = _systemMem;
        }

        var top = _top;
        var topSize = ChunkSize(top);
        if (topSize >= nb + MinSize)
        {
            var remainder = top + nb;
            SetTop(remainder);
            SetHead(top, nb | PrevInUse);
            SetHead(remainder, (topSize - nb) | PrevInUse);
            return ChunkToMem(top);
        }

        return 0;
    }

    // The first growth, or space that does not follow the old top: align the start, round the end up to a page with a
    // second sbrk, make the new space the top, and fence off the old top so nothing merges across the gap.
    private void AdoptNewHeapSpace(ulong brk, ulong size, ulong secondBrk, ulong oldTop, ulong oldSize, ulong oldEnd)
    {
        var correction = 0UL;
        var alignedBrk = brk;
        if (_contiguous)
        {
            if (oldSize != 0)
            {
                _systemMem += brk - oldEnd;
            }

            var frontMisalign = ChunkToMem(brk) & AlignMask;
            if (frontMisalign > 0)
            {
                correction = Alignment - frontMisalign;
                alignedBrk += correction;
            }

            correction += oldSize;
            var endMisalign = brk + size + correction;
            correction += AlignUp(endMisalign, _pageSize) - endMisalign;
            secondBrk = _memory.Sbrk((long)correction);
            if (secondBrk == Syscall.Failed)
            {
                correction = 0;
                secondBrk = _memory.Sbrk(0);
            }
        }
        else if (secondBrk == Syscall.Failed)
        {
            secondBrk = _memory.Sbrk(0);
        }

        if (secondBrk == Syscall.Failed)
        {
            return;
        }

        SetTop(alignedBrk);
        SetHead(alignedBrk, (secondBrk - alignedBrk + correction) | PrevInUse);
        _systemMem += correction;

        if (oldSize != 0)
        {
            // Two fenceposts at the end of the old top, marked in use, keep the old and new space apart.
            oldSize = (oldSize - (2 * HeaderSize)) & ~AlignMask;
            SetHead(oldTop, oldSize | PrevInUse);
            SetHead(oldTop + oldSize, HeaderSize | PrevInUse);
            SetHead(oldTop + oldSize + HeaderSize, HeaderSize | PrevInUse);
            if (oldSize >= MinSize)
            {
                IntFree(oldTop, haveLock: true);
            }
        }
    }

    // sysmalloc_mmap: a chunk with a mapping of its own, one size_t larger than a heap chunk (no next chunk lends its
    // prev_size), rounded up to pages.
    private ulong SysmallocMmap(ulong nb)
    {
        var size = AlignUp(nb + SizeSz, _pageSize);
        if (size <= nb)
        {
            return 0;
        }

        var mapped = _memory.Mmap(size);
        if (mapped == Syscall.Failed)
        {
            return 0;
        }

        SetPrevSize(mapped, 0);
        SetHead(mapped, size | IsMmappedBit);
        Tunables.MmappedChunks++;
        Tunables.MaxMmappedChunks = Math.Max(Tunables.MaxMmappedChunks, Tunables.MmappedChunks);
        Tunables.MmappedBytes += size;
        Tunables.MaxMmappedBytes = Math.Max(Tunables.MaxMmappedBytes, Tunables.MmappedBytes);
        return ChunkToMem(mapped);
    }

    // systrim: give back whole pages of the top chunk beyond the pad (keeping MINSIZE + 1 bytes), if nobody else moved
    // the break. Returns true if memory was released.
    private bool Systrim(ulong pad)
    {
        // Unsigned arithmetic, as glibc's mix of long and size_t works out.
        var topSize = ChunkSize(_top);
        var topArea = topSize - MinSize - 1;
        if (topArea <= pad)
        {
            return false;
        }

        var extra = AlignDown(topArea - pad, _pageSize);
        if (extra == 0)
        {
            return false;
        }

        var currentBrk = _memory.Sbrk(0);
        if (currentBrk != _top + topSize)
        {
            return false;
        }

        _memory.Sbrk(-(long)extra);
        var newBrk = _memory.Sbrk(0);
        if (newBrk == Syscall.Failed)
        {
            return false;
        }

        var released = currentBrk - newBrk;
        if (released == 0)
        {
            return false;
        }

        _systemMem -= released;
        SetHead(_top, (topSize - released) | PrevInUse);
        return true;
    }

    private void CheckMappedChunk(ulong chunk, string message)
    {
        var block = chunk - PrevSize(chunk);
        var total = PrevSize(chunk) + ChunkSize(chunk);
        var offsetInPage = ChunkToMem(chunk) & (_pageSize - 1);
        if (((block | total) & (_pageSize - 1)) != 0 || !IsPowerOfTwoOrZero(offsetInPage))
        {
            throw Corruption(message);
        }
    }

    // glibc's powerof2(x) is ((x & (x - 1)) == 0), which 0 also passes.
    private static bool IsPowerOfTwoOrZero(ulong value) => (value & (value - 1)) == 0;

    private void MunmapChunk(ulong chunk)
    {
        CheckMappedChunk(chunk, "munmap_chunk(): invalid pointer");
        var block = chunk - PrevSize(chunk);
        var total = PrevSize(chunk) + ChunkSize(chunk);
        Tunables.MmappedChunks--;
        Tunables.MmappedBytes -= total;
        _memory.Munmap(block, total);
    }

    // mremap_chunk: resize a mapped chunk's mapping (the kernel may move it). Returns the chunk, or 0 if mremap failed.
    private ulong MremapChunk(ulong chunk, ulong nb)
    {
        CheckMappedChunk(chunk, "mremap_chunk(): invalid pointer");
        var offset = PrevSize(chunk);
        var size = ChunkSize(chunk);
        var block = chunk - offset;
        var total = offset + size;
        var newSize = AlignUp(nb + offset + SizeSz, _pageSize);
        if (total == newSize)
        {
            return chunk;
        }

        var moved = _memory.Mremap(block, total, newSize, mayMove: true);
        if (moved == Syscall.Failed)
        {
            return 0;
        }

        var newChunk = moved + offset;
        SetHead(newChunk, (newSize - offset) | IsMmappedBit);
        Tunables.MmappedBytes += newSize - size - offset;
        Tunables.MaxMmappedBytes = Math.Max(Tunables.MaxMmappedBytes, Tunables.MmappedBytes);
        return newChunk;
    }
}
