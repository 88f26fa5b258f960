using MemKata.Contracts.Kernel;
using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>Page-table changes with their bookkeeping: mapping and unmapping frames, RSS and swap counters, the reverse
/// map, the LRU lists, and TLB flushes.</summary>
public sealed partial class Machine
{
    /// <summary>Points <paramref name="process"/>'s entry for <paramref name="page"/> at <paramref name="frame"/>,
    /// releasing whatever the entry held before.</summary>
    internal void MapPage(SimProcess process, ulong page, FrameNumber frame, bool writable)
    {
        var table = process.PageTable;
        var old = table.Get(page);
        if (old != 0)
        {
            if ((old & PageTable.Present) != 0 && PageTable.FrameOf(old) == frame)
            {
                // Same frame again: only the permission changes (a write fault on a shared file page).
                table.Set(page, PageTable.PresentEntry(frame, writable) | (old & (PageTable.Accessed | PageTable.Dirty)));
                process.Memory.Mmu.FlushTlb(page, 1);
                return;
            }

            ClearEntry(process, page);
            process.Memory.Mmu.FlushTlb(page, 1);
        }

        if (frame == Physical.ZeroFrame)
        {
            table.Set(page, PageTable.PresentEntry(frame, writable: false) | PageTable.ZeroPageBit | PageTable.Accessed);
            return;
        }

        var f = Physical.Check(frame, "MapPage");
        switch (Physical.Use[f])
        {
            case FrameUse.Allocated:
                Physical.Use[f] = FrameUse.Anonymous;
                Physical.OwnerPid[f] = process.Pid;
                Physical.OwnerPage[f] = page;
                Lru.AddHead(frame, LruList.InactiveAnon);
                process.AnonPages++;
                break;
            case FrameUse.PageCache:
                (Physical.Mappers[f] ??= []).Add((process.Pid, page));
                process.FilePages++;
                break;
            default:
                throw new InvalidOperationException(
                    $"IFaultContext.MapPage: {frame} is {Physical.Use[f]}; map a frame from AllocateFrame, SwapIn or ReadFilePage, once");
        }

        table.Set(page, PageTable.PresentEntry(frame, writable) | PageTable.Accessed);
    }

    /// <summary>Removes <paramref name="process"/>'s entry for <paramref name="page"/>: an anonymous frame is freed, a
    /// file frame loses a mapper (and stays cached), a swap slot is freed.</summary>
    internal void ClearEntry(SimProcess process, ulong page)
    {
        var entry = process.PageTable.Get(page);
        if ((entry & PageTable.Present) != 0)
        {
            var frame = PageTable.FrameOf(entry);
            if (frame != Physical.ZeroFrame)
            {
                var f = frame.Value;
                if (Physical.Use[f] == FrameUse.Anonymous)
                {
                    // A frame pinned by a fault in progress is off the LRU lists for the moment.
                    if (Lru.ListOf(frame) is not null)
                    {
                        Lru.Remove(frame);
                    }

                    Physical.Release(frame);
                    process.AnonPages--;
                }
                else
                {
                    if ((entry & PageTable.Dirty) != 0)
                    {
                        Physical.PageDirty[f] = true;
                    }

                    Physical.Mappers[f]!.Remove((process.Pid, page));
                    process.FilePages--;
                }
            }
        }
        else if ((entry & PageTable.SwapBit) != 0)
        {
            Swap.Free(PageTable.SlotOf(entry));
            process.SwapEntries--;
        }

        process.PageTable.Clear(page);
    }

    /// <summary>munmap or a shrinking brk/mremap: clears the entries of [first, first + count). Costs the smaller of the
    /// range and the entries the process has, never the size of the address space.</summary>
    internal void UnmapPages(SimProcess process, ulong first, ulong count)
    {
        var table = process.PageTable;
        if (count <= (ulong)table.Count)
        {
            for (var i = 0UL; i < count; i++)
            {
                if (table.Get(first + i) != 0)
                {
                    ClearEntry(process, first + i);
                }
            }

            return;
        }

        var inRange = table.EntriesIn(first, count).Select(e => e.Key).ToList();
        foreach (var page in inRange)
        {
            ClearEntry(process, page);
        }
    }

    /// <summary>mremap moving a mapping: the entries move with their frames and swap slots (the reverse map follows).</summary>
    internal void MovePages(SimProcess process, ulong from, ulong to, ulong count)
    {
        var table = process.PageTable;
        var moving = table.EntriesIn(from, count).ToList();
        foreach (var (page, _) in moving)
        {
            table.Clear(page);
        }

        foreach (var (page, entry) in moving)
        {
            var target = page - from + to;
            table.Set(target, entry);
            if ((entry & PageTable.Present) != 0 && PageTable.FrameOf(entry) != Physical.ZeroFrame)
            {
                var f = PageTable.FrameOf(entry).Value;
                if (Physical.Use[f] == FrameUse.Anonymous)
                {
                    Physical.OwnerPage[f] = target;
                }
                else
                {
                    var mappers = Physical.Mappers[f]!;
                    mappers[mappers.IndexOf((process.Pid, page))] = (process.Pid, target);
                }
            }
        }
    }

    /// <summary>Flushes every TLB entry that maps frame <paramref name="f"/>: its buffer is about to be reused.</summary>
    private void FlushMappingsOf(int f)
    {
        if (Physical.Use[f] == FrameUse.Anonymous)
        {
            Process(Physical.OwnerPid[f]).Memory.Mmu.FlushTlb(Physical.OwnerPage[f], 1);
        }
        else if (Physical.Use[f] == FrameUse.PageCache && Physical.Mappers[f] is { } mappers)
        {
            foreach (var (pid, page) in mappers)
            {
                Process(pid).Memory.Mmu.FlushTlb(page, 1);
            }
        }
    }

    /// <summary>The fault context's ReadFilePage: the page-cache frame, read from disk on a miss.</summary>
    internal FrameNumber? ReadFilePage(SimProcess process, string fileName, ulong fileOffset, out bool wasCached)
    {
        var file = PageCache.Find(fileName) ?? throw new ArgumentException($"IFaultContext.ReadFilePage: no file named '{fileName}'");
        var index = (long)(fileOffset / MachineConfig.PageSize);
        var cached = PageCache.Lookup(file, index);
        wasCached = cached is not null;
        if (cached is not null)
        {
            return cached;
        }

        var frame = Allocator.Allocate(process);
        if (frame is null)
        {
            return null;
        }

        // Reclaim during the allocation may have read the page in for another mapper: look again.
        var raced = PageCache.Lookup(file, index);
        if (raced is not null)
        {
            Physical.Release(frame.Value);
            wasCached = true;
            return raced;
        }

        var f = frame.Value.Value;
        Span<byte> page = stackalloc byte[(int)MachineConfig.PageSize];
        file.ReadPage(index, page);
        Physical.Contents.CopyIn(f, page);
        Physical.Use[f] = FrameUse.PageCache;
        Physical.FileId[f] = file.Id;
        Physical.FileIndex[f] = index;
        PageCache.Insert(file, index, frame.Value);
        Lru.AddHead(frame.Value, LruList.InactiveFile);
        VmStat.PgPgIn += PageUnits.KilobytesPerPage;
        return frame;
    }

    /// <summary>The fault context's SwapIn: reads the slot into a new frame and frees the slot; the entry is cleared
    /// until the handler maps the frame.</summary>
    internal FrameNumber? SwapIn(SimProcess process, ulong page)
    {
        var entry = process.PageTable.Get(page);
        if ((entry & PageTable.SwapBit) == 0)
        {
            throw new InvalidOperationException($"IFaultContext.SwapIn: the entry for {Hex(page * MachineConfig.PageSize)} is not a swap entry");
        }

        var frame = Allocator.Allocate(process);
        if (frame is null)
        {
            return null;
        }

        // The allocation may have reclaimed, but never this entry: it is not on any LRU list.
        var slot = PageTable.SlotOf(process.PageTable.Get(page));
        Physical.Contents.SetCompact(frame.Value.Value, Swap.Read(slot));
        ClearEntry(process, page);
        VmStat.PswpIn++;
        return frame;
    }
}
