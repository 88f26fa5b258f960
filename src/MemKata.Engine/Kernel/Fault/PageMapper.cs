using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// Page-table changes with all their bookkeeping (Linux's <c>set_pte_at</c> with the rmap and counters around it):
/// mapping a frame, clearing an entry, unmapping a range and moving one (mremap). A change reaches the frame table's
/// reverse map, the process's RSS and swap counters, the LRU lists, the swap device and the TLB together, so none of
/// them drifts from the page table.
/// </summary>
internal sealed class PageMapper(FrameTable frames, LruLists lru, SwapDevice swap)
{
    /// <summary>Points <paramref name="process"/>'s entry for <paramref name="page"/> at <paramref name="frame"/>,
    /// releasing whatever the entry held before. A just-taken frame becomes the process's anonymous page (inactive
    /// anonymous list); a page-cache frame gains a mapper.</summary>
    public void MapPage(SimProcess process, ulong page, FrameNumber frame, bool writable)
    {
        var table = process.PageTable;
        var old = table.Get(page);
        if (old.State != PteState.None)
        {
            if (table.Maps(page, frame))
            {
                // Same frame again: only the permission changes (a write fault on a shared file page).
                table.MapFrame(page, frame, writable);
                process.Memory.Mmu.FlushTlb(page, 1);
                return;
            }

            ClearEntry(process, page);
            process.Memory.Mmu.FlushTlb(page, 1);
        }

        if (frame == frames.ZeroFrame)
        {
            table.MapZeroPage(page, frame);
            return;
        }

        var f = frames.Check(frame, "MapPage");
        switch (frames.UseOf(frame))
        {
            case FrameUse.Allocated:
                frames.MakeAnonymous(frame, process.Pid, page);
                lru.AddHead(frame, LruList.InactiveAnon);
                process.AnonPages++;
                break;
            case FrameUse.PageCache:
                frames.AddMapper(frame, process.Pid, page);
                process.FilePages++;
                break;
            default:
                throw new InvalidOperationException(
                    $"IFaultContext.MapPage: frame {f} is {frames.UseOf(frame)}; map a frame from AllocateFrame, SwapIn or ReadFilePage, once");
        }

        table.MapFrame(page, frame, writable);
    }

    /// <summary>Removes <paramref name="process"/>'s entry for <paramref name="page"/>: an anonymous frame is freed, a
    /// file frame loses a mapper (and stays cached, dirty if the entry was), a swap slot is freed.</summary>
    public void ClearEntry(SimProcess process, ulong page)
    {
        var entry = process.PageTable.Get(page);
        if (entry.IsPresent && entry.Frame != frames.ZeroFrame)
        {
            var frame = entry.Frame;
            if (frames.UseOf(frame) == FrameUse.Anonymous)
            {
                // A frame pinned by a fault in progress is off the LRU lists for the moment.
                if (lru.ListOf(frame) is not null)
                {
                    lru.Remove(frame);
                }

                frames.Release(frame);
                process.AnonPages--;
            }
            else
            {
                if (entry.Dirty)
                {
                    frames.MarkDirty(frame);
                }

                frames.RemoveMapper(frame, process.Pid, page);
                process.FilePages--;
            }
        }
        else if (entry.State == PteState.Swapped)
        {
            swap.Free(entry.SwapSlot);
            process.SwapEntries--;
        }

        process.PageTable.Clear(page);
    }

    /// <summary>munmap or a shrinking brk/mremap: clears the entries of [first, first + count). Costs the smaller of the
    /// range and the entries the process has, never the size of the address space.</summary>
    public void UnmapPages(SimProcess process, ulong first, ulong count)
    {
        var table = process.PageTable;
        if (count <= (ulong)table.Count)
        {
            for (var i = 0UL; i < count; i++)
            {
                if (table.Get(first + i).State != PteState.None)
                {
                    ClearEntry(process, first + i);
                }
            }

            return;
        }

        foreach (var page in table.PagesIn(first, count))
        {
            ClearEntry(process, page);
        }
    }

    /// <summary>mremap moving a mapping: the entries move with their frames and swap slots, and the reverse map follows.</summary>
    public void MovePages(SimProcess process, ulong from, ulong to, ulong count)
    {
        var table = process.PageTable;
        var moving = table.PagesIn(from, count);
        table.Move(moving, from, to);
        foreach (var page in moving)
        {
            var target = page - from + to;
            var entry = table.Get(target);
            if (entry.IsPresent && entry.Frame != frames.ZeroFrame)
            {
                frames.MoveMapping(entry.Frame, process.Pid, page, target);
            }
        }
    }
}
