using static MemKata.Engine.Libc.ChunkLayout;

namespace MemKata.Engine.Libc;

/// <summary>
/// _int_free and its helpers: a freed chunk goes to the tcache if its bin has room, else to a fastbin if it is small,
/// else it merges with free neighbours and joins the unsorted list (or the top chunk). A large merge consolidates the
/// fastbins and may trim the heap.
/// </summary>
public sealed partial class GlibcMalloc
{
    private void IntFree(ulong chunk, bool haveLock) => IntFree(chunk, ChunkSize(chunk), haveLock);

    // _int_free with the chunk's size already read (free() reads the size field before it gets here).
    private void IntFree(ulong chunk, ulong size, bool haveLock)
    {
        if (chunk > 0 - size || IsMisaligned(chunk))
        {
            throw Corruption("free(): invalid pointer");
        }

        if (size < MinSize || (size & AlignMask) != 0)
        {
            throw Corruption("free(): invalid size");
        }

        if (TryTcacheFree(chunk, size))
        {
            return;
        }

        if (size <= _maxFast)
        {
            FreeToFastbin(chunk, size, haveLock);
        }
        else if (!IsMmapped(chunk))
        {
            FreeAndMerge(chunk, size);
        }
        else
        {
            MunmapChunk(chunk);
        }
    }

    private void FreeToFastbin(ulong chunk, ulong size, bool haveLock)
    {
        var nextField = SizeField(chunk + size);
        if (nextField <= HeaderSize || (nextField & ~SizeBits) >= _systemMem)
        {
            throw Corruption("free(): invalid next size (fast)");
        }

        PerturbFreed(ChunkToMem(chunk), size - HeaderSize);
        _haveFastChunks = true;
        var index = FastbinIndex(size);
        var old = _fastbins[index];
        if (old == chunk)
        {
            throw Corruption("double free or corruption (fasttop)");
        }

        SetFd(chunk, Protect(chunk + FdOffset, old));
        _fastbins[index] = chunk;
        if (haveLock && old != 0 && FastbinIndex(ChunkSize(old)) != index)
        {
            throw Corruption("invalid fastbin entry (free)");
        }
    }

    private void FreeAndMerge(ulong chunk, ulong size)
    {
        var next = chunk + size;
        if (chunk == _top)
        {
            throw Corruption("double free or corruption (top)");
        }

        if (_contiguous && next >= _top + ChunkSize(_top))
        {
            throw Corruption("double free or corruption (out)");
        }

        // One read of next's size word for both checks (glibc's prev_inuse(nextchunk), then chunksize_nomask).
        var nextField = SizeField(next);
        if ((nextField & PrevInUse) == 0)
        {
            throw Corruption("double free or corruption (!prev)");
        }

        var nextSize = nextField & ~SizeBits;
        if (nextField <= HeaderSize || nextSize >= _systemMem)
        {
            throw Corruption("free(): invalid next size (normal)");
        }

        PerturbFreed(ChunkToMem(chunk), size - HeaderSize);

        if (!IsPrevInUse(chunk))
        {
            var prevSize = PrevSize(chunk);
            size += prevSize;
            chunk -= prevSize;
            if (ChunkSize(chunk) != prevSize)
            {
                throw Corruption("corrupted size vs. prev_size while consolidating");
            }

            UnlinkChunk(chunk);
        }

        if (next != _top)
        {
            if (!InUseAt(next, nextSize))
            {
                UnlinkChunk(next);
                size += nextSize;
            }
            else
            {
                ClearInUseAt(next, 0);
            }

            var bck = UnsortedBin;
            var fwd = Fd(bck);
            if (Bk(fwd) != bck)
            {
                throw Corruption("free(): corrupted unsorted chunks");
            }

            SetFd(chunk, fwd);
            SetBk(chunk, bck);
            if (!InSmallBinRange(size))
            {
                SetFdNextsize(chunk, 0);
                SetBkNextsize(chunk, 0);
            }

            SetFd(bck, chunk);
            SetBk(fwd, chunk);
            SetHead(chunk, size | PrevInUse);
            SetFoot(chunk, size);
        }
        else
        {
            size += nextSize;
            SetHead(chunk, size | PrevInUse);
            SetTop(chunk);
        }

        if (size >= FastbinConsolidationThreshold)
        {
            if (_haveFastChunks)
            {
                MallocConsolidate();
            }

            if (ChunkSize(_top) >= Tunables.TrimThreshold)
            {
                Systrim(Tunables.TopPad);
            }
        }
    }

    // unlink_chunk: takes a free chunk off its doubly linked bin (and the large-bin skip list), checking both links.
    private void UnlinkChunk(ulong chunk)
    {
        var sizeField = SizeField(chunk);
        if ((sizeField & ~SizeBits) != PrevSize(chunk + (sizeField & ~SizeBits)))
        {
            throw Corruption("corrupted size vs. prev_size");
        }

        var fd = Fd(chunk);
        var bk = Bk(chunk);
        if (Bk(fd) != chunk || Fd(bk) != chunk)
        {
            throw Corruption("corrupted double-linked list");
        }

        SetBk(fd, bk);
        SetFd(bk, fd);
        if (InSmallBinRange(sizeField) || FdNextsize(chunk) == 0)
        {
            return;
        }

        var fdNext = FdNextsize(chunk);
        var bkNext = BkNextsize(chunk);
        if (BkNextsize(fdNext) != chunk || FdNextsize(bkNext) != chunk)
        {
            throw Corruption("corrupted double-linked list (not small)");
        }

        if (FdNextsize(fd) == 0)
        {
            // The next chunk (same size) takes this one's place on the skip list.
            if (fdNext == chunk)
            {
                SetFdNextsize(fd, fd);
                SetBkNextsize(fd, fd);
            }
            else
            {
                SetFdNextsize(fd, fdNext);
                SetBkNextsize(fd, bkNext);
                SetBkNextsize(fdNext, fd);
                SetFdNextsize(bkNext, fd);
            }
        }
        else
        {
            SetBkNextsize(fdNext, bkNext);
            SetFdNextsize(bkNext, fdNext);
        }
    }

    // malloc_consolidate: empties every fastbin, merging each chunk with free neighbours into the unsorted list or top.
    private void MallocConsolidate()
    {
        _haveFastChunks = false;
        var unsorted = UnsortedBin;
        for (var index = 0; index < FastbinCount; index++)
        {
            var chunk = _fastbins[index];
            _fastbins[index] = 0;
            while (chunk != 0)
            {
                if (IsMisaligned(chunk))
                {
                    throw Corruption("malloc_consolidate(): unaligned fastbin chunk detected");
                }

                if (FastbinIndex(ChunkSize(chunk)) != index)
                {
                    throw Corruption("malloc_consolidate(): invalid chunk size");
                }

                var nextInBin = Protect(chunk + FdOffset, Fd(chunk));
                var size = ChunkSize(chunk);
                var next = chunk + size;
                var nextSize = ChunkSize(next);

                if (!IsPrevInUse(chunk))
                {
                    var prevSize = PrevSize(chunk);
                    size += prevSize;
                    chunk -= prevSize;
                    if (ChunkSize(chunk) != prevSize)
                    {
                        throw Corruption("corrupted size vs. prev_size in fastbins");
                    }

                    UnlinkChunk(chunk);
                }

                if (next != _top)
                {
                    if (!InUseAt(next, nextSize))
                    {
                        size += nextSize;
                        UnlinkChunk(next);
                    }
                    else
                    {
                        ClearInUseAt(next, 0);
                    }

                    var firstUnsorted = Fd(unsorted);
                    SetFd(unsorted, chunk);
                    SetBk(firstUnsorted, chunk);
                    if (!InSmallBinRange(size))
                    {
                        SetFdNextsize(chunk, 0);
                        SetBkNextsize(chunk, 0);
                    }

                    SetHead(chunk, size | PrevInUse);
                    SetBk(chunk, unsorted);
                    SetFd(chunk, firstUnsorted);
                    SetFoot(chunk, size);
                }
                else
                {
                    size += nextSize;
                    SetHead(chunk, size | PrevInUse);
                    SetTop(chunk);
                }

                chunk = nextInBin;
            }
        }
    }
}
