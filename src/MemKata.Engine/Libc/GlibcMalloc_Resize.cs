using static MemKata.Engine.Libc.ChunkLayout;

namespace MemKata.Engine.Libc;

/// <summary>
/// _int_realloc for heap chunks: shrink in place (splitting off and freeing the tail), grow into the top chunk, grow
/// into a free next chunk, or move (malloc, copy, free) — avoiding the copy when the new chunk happens to be the next one.
/// </summary>
public sealed partial class GlibcMalloc
{
    // oldField: the old chunk's size word, as realloc read it with no access since.
    private ulong IntRealloc(ulong oldChunk, ulong oldField, ulong nb)
    {
        var oldSize = oldField & ~SizeBits;
        if (oldField <= HeaderSize || oldSize >= _systemMem)
        {
            throw Corruption("realloc(): invalid old size");
        }

        var next = oldChunk + oldSize;
        var nextField = SizeField(next);
        var nextSize = nextField & ~SizeBits;
        if (nextField <= HeaderSize || nextSize >= _systemMem)
        {
            throw Corruption("realloc(): invalid next size");
        }

        ulong newChunk;
        ulong newSize;
        if (oldSize >= nb)
        {
            newChunk = oldChunk;
            newSize = oldSize;
        }
        else if (next == _top && oldSize + nextSize >= nb + MinSize)
        {
            // Grow into the top chunk.
            newSize = oldSize + nextSize;
            SetHeadSize(oldChunk, nb);
            SetTop(oldChunk + nb);
            SetHead(_top, (newSize - nb) | PrevInUse);
            return ChunkToMem(oldChunk);
        }
        else if (next != _top && !InUseAt(next, nextSize) && oldSize + nextSize >= nb)
        {
            // Grow into the free chunk that follows.
            newChunk = oldChunk;
            newSize = oldSize + nextSize;
            UnlinkChunk(next);
        }
        else
        {
            var mem = IntMalloc(nb - AlignMask);
            if (mem == 0)
            {
                return 0;
            }

            newChunk = MemToChunk(mem);
            newSize = ChunkSize(newChunk);
            if (newChunk == next)
            {
                // The new chunk is the one right after: merge instead of copying.
                newSize += oldSize;
                newChunk = oldChunk;
            }
            else
            {
                var oldMem = ChunkToMem(oldChunk);
                _mmu.Copy(mem, oldMem, oldSize - HeaderSize + SizeSz);
                IntFree(oldChunk, haveLock: true);
                return mem;
            }
        }

        var remainderSize = newSize - nb;
        if (remainderSize < MinSize)
        {
            SetHeadSize(newChunk, newSize);
            SetInUseAt(newChunk, newSize);
        }
        else
        {
            var remainder = newChunk + nb;
            SetHeadSize(newChunk, nb);
            SetHead(remainder, remainderSize | PrevInUse);
            SetInUseAt(remainder, remainderSize);
            IntFree(remainder, haveLock: true);
        }

        return ChunkToMem(newChunk);
    }
}
