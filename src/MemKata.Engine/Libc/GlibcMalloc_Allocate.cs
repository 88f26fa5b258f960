using System.Numerics;
using static MemKata.Engine.Libc.ChunkLayout;

namespace MemKata.Engine.Libc;

/// <summary>
/// _int_malloc: where a request that the tcache could not serve looks, in order: its fastbin, its small bin, the
/// unsorted list (sorting what it passes over into bins), the best-fitting large bin, any larger bin (via the binmap),
/// the top chunk, and finally the kernel (sysmalloc).
/// </summary>
public sealed partial class GlibcMalloc
{
    private const int MaxUnsortedIterations = 10000;

    private ulong IntMalloc(ulong bytes)
    {
        var nb = CheckedRequestToSize(bytes);
        if (nb == 0)
        {
            return 0;
        }

        if (nb <= _maxFast && TryFastbin(nb, bytes, out var fast))
        {
            return fast;
        }

        int index;
        if (InSmallBinRange(nb))
        {
            index = SmallBinIndex(nb);
            if (TrySmallBin(nb, index, bytes, out var small))
            {
                return small;
            }
        }
        else
        {
            index = LargeBinIndex(nb);
            if (_haveFastChunks)
            {
                MallocConsolidate();
            }
        }

        // The tcache may collect exact fits while the unsorted list is sorted, and hand one out at the end.
        var tcacheIndex = TcacheIndex(nb);
        var tcacheNb = _tcache != 0 && tcacheIndex < Tunables.TcacheBins ? nb : 0;

        while (true)
        {
            var returnCached = false;
            var unsortedProcessed = 0UL;
            var iterations = 0;
            ulong victim;
            while ((victim = Bk(UnsortedBin)) != UnsortedBin)
            {
                var bck = Bk(victim);
                var size = ChunkSize(victim);
                var next = victim + size;
                if (size <= HeaderSize || size > _systemMem)
                {
                    throw Corruption("malloc(): invalid size (unsorted)");
                }

                var nextSizeField = SizeField(next);
                if ((nextSizeField & ~SizeBits) < HeaderSize || (nextSizeField & ~SizeBits) > _systemMem)
                {
                    throw Corruption("malloc(): invalid next size (unsorted)");
                }

                if ((PrevSize(next) & ~SizeBits) != size)
                {
                    throw Corruption("malloc(): mismatching next->prev_size (unsorted)");
                }

                var bckFd = Fd(bck);
                if (bckFd != victim || Fd(victim) != UnsortedBin)
                {
                    throw Corruption("malloc(): unsorted double linked list corrupted");
                }

                if ((nextSizeField & PrevInUse) != 0)
                {
                    throw Corruption("malloc(): invalid next->prev_inuse (unsorted)");
                }

                // A run of small requests keeps carving the last remainder when it is the only unsorted chunk.
                if (InSmallBinRange(nb) && bck == UnsortedBin && victim == _lastRemainder && size > nb + MinSize)
                {
                    var remainderSize = size - nb;
                    var remainder = victim + nb;
                    SetFd(UnsortedBin, remainder);
                    SetBk(UnsortedBin, remainder);
                    SetLastRemainder(remainder);
                    SetFd(remainder, UnsortedBin);
                    SetBk(remainder, UnsortedBin);
                    if (!InSmallBinRange(remainderSize))
                    {
                        SetFdNextsize(remainder, 0);
                        SetBkNextsize(remainder, 0);
                    }

                    SetHead(victim, nb | PrevInUse);
                    SetHead(remainder, remainderSize | PrevInUse);
                    SetFoot(remainder, remainderSize);
                    return Allocated(victim, bytes);
                }

                // glibc checks bck->fd again here; nothing was read or written since the check above, so the word is
                // the one read there.
                if (bckFd != victim)
                {
                    throw Corruption("malloc(): corrupted unsorted chunks 3");
                }

                SetBk(UnsortedBin, bck);
                SetFd(bck, UnsortedBin);

                if (size == nb)
                {
                    SetInUseAt(victim, size);
                    if (tcacheNb != 0 && TcacheCount(tcacheIndex) < Tunables.TcacheCount)
                    {
                        TcachePut(victim, tcacheIndex);
                        returnCached = true;
                        continue;
                    }

                    return Allocated(victim, bytes);
                }

                var victimIndex = PlaceInBin(victim, size);
                MarkBin(victimIndex);

                unsortedProcessed++;
                if (returnCached && Tunables.TcacheUnsortedLimit > 0 && unsortedProcessed > Tunables.TcacheUnsortedLimit)
                {
                    return TcacheGet(tcacheIndex);
                }

                if (++iterations >= MaxUnsortedIterations)
                {
                    break;
                }
            }

            if (returnCached)
            {
                return TcacheGet(tcacheIndex);
            }

            if (!InSmallBinRange(nb) && TryLargeBinBestFit(nb, index, bytes, out var large))
            {
                return large;
            }

            if (TryLargerBins(nb, index + 1, bytes, out var found))
            {
                return found;
            }

            // use_top: the top chunk counts as the worst fit of all, since it can always grow.
            var top = _top;
            var topSize = ChunkSize(top);
            if (topSize > _systemMem)
            {
                throw Corruption("malloc(): corrupted top size");
            }

            if (topSize >= nb + MinSize)
            {
                var remainder = top + nb;
                SetTop(remainder);
                SetHead(top, nb | PrevInUse);
                SetHead(remainder, (topSize - nb) | PrevInUse);
                return Allocated(top, bytes);
            }

            if (_haveFastChunks)
            {
                // Merging the fastbins may make room; then go round once more.
                MallocConsolidate();
                index = InSmallBinRange(nb) ? SmallBinIndex(nb) : LargeBinIndex(nb);
                continue;
            }

            var mem = Sysmalloc(nb);
            if (mem != 0)
            {
                PerturbAllocated(mem, bytes);
            }

            return mem;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ulong Allocated(ulong chunk, ulong bytes)
    {
        var mem = ChunkToMem(chunk);
        PerturbAllocated(mem, bytes);
        return mem;
    }

    private bool TryFastbin(ulong nb, ulong bytes, out ulong mem)
    {
        mem = 0;
        var index = FastbinIndex(nb);
        var victim = _fastbins[index];
        if (victim == 0)
        {
            return false;
        }

        if (IsMisaligned(victim))
        {
            throw Corruption("malloc(): unaligned fastbin chunk detected 2");
        }

        _fastbins[index] = Protect(victim + FdOffset, Fd(victim));
        if (FastbinIndex(ChunkSize(victim)) != index)
        {
            throw Corruption("malloc(): memory corruption (fast)");
        }

        // While here, move the rest of this fastbin into the tcache.
        var tcacheIndex = TcacheIndex(nb);
        if (_tcache != 0 && tcacheIndex < Tunables.TcacheBins)
        {
            ulong cached;
            while (TcacheCount(tcacheIndex) < Tunables.TcacheCount && (cached = _fastbins[index]) != 0)
            {
                if (IsMisaligned(cached))
                {
                    throw Corruption("malloc(): unaligned fastbin chunk detected 3");
                }

                _fastbins[index] = Protect(cached + FdOffset, Fd(cached));
                TcachePut(cached, tcacheIndex);
            }
        }

        mem = Allocated(victim, bytes);
        return true;
    }

    private bool TrySmallBin(ulong nb, int index, ulong bytes, out ulong mem)
    {
        mem = 0;
        var bin = BinAt(index);
        var victim = Last(bin);
        if (victim == bin)
        {
            return false;
        }

        var bck = Bk(victim);
        if (Fd(bck) != victim)
        {
            throw Corruption("malloc(): smallbin double linked list corrupted");
        }

        SetInUseAt(victim, nb);
        SetBk(bin, bck);
        SetFd(bck, bin);

        // While here, move the rest of this bin into the tcache.
        var tcacheIndex = TcacheIndex(nb);
        if (_tcache != 0 && tcacheIndex < Tunables.TcacheBins)
        {
            ulong cached;
            while (TcacheCount(tcacheIndex) < Tunables.TcacheCount && (cached = Last(bin)) != bin)
            {
                if (cached != 0)
                {
                    bck = Bk(cached);
                    SetInUseAt(cached, nb);
                    SetBk(bin, bck);
                    SetFd(bck, bin);
                    TcachePut(cached, tcacheIndex);
                }
            }
        }

        mem = Allocated(victim, bytes);
        return true;
    }

    // Files an unsorted chunk into its bin: small bins at the front; large bins sorted by size, largest first, with the
    // nextsize skip list linking the first chunk of each size. Returns the bin index.
    private int PlaceInBin(ulong victim, ulong size)
    {
        int victimIndex;
        ulong bck;
        ulong fwd;
        if (InSmallBinRange(size))
        {
            victimIndex = SmallBinIndex(size);
            bck = BinAt(victimIndex);
            fwd = Fd(bck);
        }
        else
        {
            victimIndex = LargeBinIndex(size);
            bck = BinAt(victimIndex);
            fwd = Fd(bck);
            if (fwd != bck)
            {
                size |= PrevInUse;
                if (size < SizeField(Bk(bck)))
                {
                    // Smaller than everything in the bin: goes last.
                    fwd = bck;
                    bck = Bk(bck);
                    var firstInBin = Fd(fwd);
                    SetFdNextsize(victim, firstInBin);
                    SetBkNextsize(victim, BkNextsize(firstInBin));
                    SetFdNextsize(BkNextsize(victim), victim);
                    SetBkNextsize(firstInBin, victim);
                }
                else
                {
                    while (size < SizeField(fwd))
                    {
                        fwd = FdNextsize(fwd);
                    }

                    if (size == SizeField(fwd))
                    {
                        // Same size as an existing chunk: insert after it, off the skip list.
                        fwd = Fd(fwd);
                    }
                    else
                    {
                        SetFdNextsize(victim, fwd);
                        SetBkNextsize(victim, BkNextsize(fwd));
                        if (FdNextsize(BkNextsize(fwd)) != fwd)
                        {
                            throw Corruption("malloc(): largebin double linked list corrupted (nextsize)");
                        }

                        SetBkNextsize(fwd, victim);
                        SetFdNextsize(BkNextsize(victim), victim);
                    }

                    bck = Bk(fwd);
                    if (Fd(bck) != fwd)
                    {
                        throw Corruption("malloc(): largebin double linked list corrupted (bk)");
                    }
                }
            }
            else
            {
                SetFdNextsize(victim, victim);
                SetBkNextsize(victim, victim);
            }
        }

        SetBk(victim, bck);
        SetFd(victim, fwd);
        SetBk(fwd, victim);
        SetFd(bck, victim);
        return victimIndex;
    }

    // The request's own large bin: the smallest chunk that fits, taking the second of equal-sized chunks so the
    // skip list need not be relinked.
    private bool TryLargeBinBestFit(ulong nb, int index, ulong bytes, out ulong mem)
    {
        mem = 0;
        var bin = BinAt(index);
        var victim = First(bin);
        if (victim == bin || SizeField(victim) < nb)
        {
            return false;
        }

        victim = BkNextsize(victim);
        ulong size;
        while ((size = ChunkSize(victim)) < nb)
        {
            victim = BkNextsize(victim);
        }

        if (victim != Last(bin) && SizeField(victim) == SizeField(Fd(victim)))
        {
            victim = Fd(victim);
        }

        UnlinkChunk(victim);
        mem = SplitFreeChunk(victim, size, nb, bytes, "malloc(): corrupted unsorted chunks", rememberRemainder: false);
        return true;
    }

    // Any bigger bin, found through the binmap; empty bins it meets are cleared from the map on the way.
    private bool TryLargerBins(ulong nb, int index, ulong bytes, out ulong mem)
    {
        mem = 0;
        var bin = BinAt(index);
        var block = index >> 5;
        var map = _binmap[block];
        var bit = 1u << (index & 31);
        while (true)
        {
            if (bit > map || bit == 0)
            {
                do
                {
                    if (++block >= BinmapWords)
                    {
                        return false;
                    }
                }
                while ((map = _binmap[block]) == 0);

                bin = BinAt(block << 5);
                bit = 1;
            }

            // glibc steps bin by bin (bin = next_bin(bin); bit <<= 1) until bit is set in map; there is one, since
            // bit <= map here. Jumping straight to the lowest set bit at or above bit lands on the same bin with the
            // same bit, without the loop (the JIT kept that loop's variables on the stack: a store and a load per
            // empty bin). It touches no simulated memory either way.
            var skipped = BitOperations.TrailingZeroCount(map & ~(bit - 1)) - BitOperations.TrailingZeroCount(bit);
            bin += 16 * (ulong)skipped;
            bit <<= skipped;

            var victim = Last(bin);
            if (victim == bin)
            {
                _binmap[block] = map &= ~bit;
                bin += 16;
                bit <<= 1;
                continue;
            }

            var size = ChunkSize(victim);
            UnlinkChunk(victim);
            mem = SplitFreeChunk(victim, size, nb, bytes, "malloc(): corrupted unsorted chunks 2", rememberRemainder: InSmallBinRange(nb));
            return true;
        }
    }

    // Hands out the first nb bytes of a free chunk taken off its bin; a remainder of at least MINSIZE goes to the
    // unsorted list, a smaller one stays with the allocation.
    private ulong SplitFreeChunk(ulong victim, ulong size, ulong nb, ulong bytes, string corruptionMessage, bool rememberRemainder)
    {
        var remainderSize = size - nb;
        if (remainderSize < MinSize)
        {
            SetInUseAt(victim, size);
            return Allocated(victim, bytes);
        }

        var remainder = victim + nb;
        var bck = UnsortedBin;
        var fwd = Fd(bck);
        if (Bk(fwd) != bck)
        {
            throw Corruption(corruptionMessage);
        }

        SetBk(remainder, bck);
        SetFd(remainder, fwd);
        SetFd(bck, remainder);
        SetBk(fwd, remainder);
        if (rememberRemainder)
        {
            SetLastRemainder(remainder);
        }

        if (!InSmallBinRange(remainderSize))
        {
            SetFdNextsize(remainder, 0);
            SetBkNextsize(remainder, 0);
        }

        SetHead(victim, nb | PrevInUse);
        SetHead(remainder, remainderSize | PrevInUse);
        SetFoot(remainder, remainderSize);
        return Allocated(victim, bytes);
    }
}
