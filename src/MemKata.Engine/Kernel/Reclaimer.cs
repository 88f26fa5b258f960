using System.Globalization;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The mechanics of reclaim behind <see cref="IReclaimContext"/> (Linux's <c>shrink_folio_list</c> machinery): it runs the
/// <see cref="IReclaimPolicy"/> for one request, lets it walk the LRU lists within a scan budget, carries out its
/// decisions (clear referenced bits, move pages, write back, swap out, drop) with all their bookkeeping, counts scans
/// and steals, and logs one line per pass.
/// </summary>
internal sealed class Reclaimer : IReclaimContext
{
    private readonly Machine _machine;
    private ReclaimMode _mode;
    private long _scanBudget;
    private long _scanned;
    private long _swappedOut;
    private long _dropped;
    private long _writtenBack;
    private bool _running;

    public Reclaimer(Machine machine) => _machine = machine;

    public int Swappiness => _machine.Config.Swappiness;

    public long FreePages => _machine.Physical.FreeFrames;

    public long FreeSwapSlots => _machine.Swap.FreeSlots;

    /// <summary>Runs the policy for one request and returns the frames it freed.</summary>
    public long Run(ReclaimMode mode, long wanted, int pid)
    {
        if (_running)
        {
            throw new InvalidOperationException("Reclaimer.Run: reclaim entered twice (a policy must not allocate)");
        }

        _running = true;
        _mode = mode;
        var lru = _machine.Lru;
        var listed = lru.Count(LruList.InactiveAnon) + lru.Count(LruList.ActiveAnon) + lru.Count(LruList.InactiveFile) + lru.Count(LruList.ActiveFile);
        _scanBudget = (2 * listed) + 64;
        _scanned = _swappedOut = _dropped = _writtenBack = 0;
        var before = _machine.Physical.FreeFrames;
        try
        {
            _machine.ReclaimPolicy.Reclaim(this, new ReclaimRequest(mode, wanted));
        }
        finally
        {
            _running = false;
        }

        var freed = _machine.Physical.FreeFrames - before;
        if (mode == ReclaimMode.Background)
        {
            _machine.VmStat.PgStealKswapd += freed;
        }
        else
        {
            _machine.VmStat.PgStealDirect += freed;
        }

        if (!_machine.Events.HasRoom)
        {
            _machine.Events.CountDropped();
            return freed;
        }

        var who = mode == ReclaimMode.Background ? "kswapd" : "direct reclaim";
        _machine.Events.Add(pid, KernelEventKind.Reclaim, string.Create(CultureInfo.InvariantCulture,
            $"{who}: wanted {wanted}, scanned {_scanned}, reclaimed {freed} (swapped out {_swappedOut}, dropped {_dropped} file pages, wrote back {_writtenBack}); {_machine.Physical.FreeFrames} pages free"));
        return freed;
    }

    public long Count(LruList list) => _machine.Lru.Count(list);

    public FrameNumber? ScanTail(LruList list)
    {
        EnsureRunning(nameof(ScanTail));
        if (_scanBudget <= 0)
        {
            return null;
        }

        var tail = _machine.Lru.Tail(list);
        if (tail is null)
        {
            return null;
        }

        _scanBudget--;
        if (list is LruList.ActiveAnon or LruList.ActiveFile)
        {
            _machine.VmStat.PgRefill++;
        }
        else
        {
            _scanned++;
            if (_mode == ReclaimMode.Background)
            {
                _machine.VmStat.PgScanKswapd++;
            }
            else
            {
                _machine.VmStat.PgScanDirect++;
            }
        }

        return tail;
    }

    public PageInfo Inspect(FrameNumber frame)
    {
        var list = Listed(frame, nameof(Inspect));
        var f = frame.Value;
        var physical = _machine.Physical;
        if (physical.Use[f] == FrameUse.Anonymous)
        {
            var owner = _machine.Process(physical.OwnerPid[f]);
            var dirty = (owner.PageTable.Get(physical.OwnerPage[f]) & PageTable.Dirty) != 0;
            return new PageInfo(frame, list, IsAnonymous: true, dirty, Mapped: true);
        }

        var mapped = physical.Mappers[f] is { Count: > 0 };
        return new PageInfo(frame, list, IsAnonymous: false, physical.PageDirty[f], mapped);
    }

    public bool TestAndClearReferenced(FrameNumber frame)
    {
        Listed(frame, nameof(TestAndClearReferenced));
        var physical = _machine.Physical;
        if (physical.Use[frame.Value] == FrameUse.Anonymous)
        {
            // One owner: no list to build (this runs for every page scanned).
            var owner = _machine.Process(physical.OwnerPid[frame.Value]);
            var page = physical.OwnerPage[frame.Value];
            var entry = owner.PageTable.Get(page);
            if ((entry & PageTable.Accessed) == 0)
            {
                return false;
            }

            owner.PageTable.Set(page, entry & ~PageTable.Accessed);
            owner.Memory.Mmu.FlushTlb(page, 1);
            return true;
        }

        var referenced = false;
        foreach (var (process, page) in MappersOf(frame))
        {
            var entry = process.PageTable.Get(page);
            if ((entry & PageTable.Accessed) != 0)
            {
                referenced = true;
                process.PageTable.Set(page, entry & ~PageTable.Accessed);
                process.Memory.Mmu.FlushTlb(page, 1);
            }
        }

        return referenced;
    }

    public void Rotate(FrameNumber frame) => _machine.Lru.MoveToHead(frame, Listed(frame, nameof(Rotate)));

    public void Activate(FrameNumber frame)
    {
        var list = Listed(frame, nameof(Activate));
        var target = list switch
        {
            LruList.InactiveAnon => LruList.ActiveAnon,
            LruList.InactiveFile => LruList.ActiveFile,
            _ => throw new InvalidOperationException($"IReclaimContext.Activate: {frame} is already on {list}"),
        };
        _machine.Lru.MoveToHead(frame, target);
    }

    public void Deactivate(FrameNumber frame)
    {
        var list = Listed(frame, nameof(Deactivate));
        var target = list switch
        {
            LruList.ActiveAnon => LruList.InactiveAnon,
            LruList.ActiveFile => LruList.InactiveFile,
            _ => throw new InvalidOperationException($"IReclaimContext.Deactivate: {frame} is already on {list}"),
        };
        _machine.Lru.MoveToHead(frame, target);
    }

    public void Writeback(FrameNumber frame)
    {
        Listed(frame, nameof(Writeback));
        var f = frame.Value;
        var physical = _machine.Physical;
        if (physical.Use[f] != FrameUse.PageCache)
        {
            throw new InvalidOperationException($"IReclaimContext.Writeback: {frame} is anonymous; anonymous pages go to swap (SwapOut)");
        }

        if (!physical.PageDirty[f])
        {
            return;
        }

        // Clean the page everywhere first (Linux's folio_mkclean) so that a later store dirties it again.
        foreach (var (process, page) in MappersOf(frame))
        {
            process.PageTable.Set(page, process.PageTable.Get(page) & ~PageTable.Dirty);
            process.Memory.Mmu.FlushTlb(page, 1);
        }

        Span<byte> contents = stackalloc byte[(int)MachineConfig.PageSize];
        physical.Contents.CopyOut(f, contents);
        _machine.PageCache.File(physical.FileId[f]).WritePage(physical.FileIndex[f], contents);
        physical.PageDirty[f] = false;
        _machine.VmStat.PgPgOut += PageUnits.KilobytesPerPage;
        _writtenBack++;
    }

    public bool SwapOut(FrameNumber frame)
    {
        Listed(frame, nameof(SwapOut));
        var f = frame.Value;
        var physical = _machine.Physical;
        if (physical.Use[f] != FrameUse.Anonymous)
        {
            throw new InvalidOperationException($"IReclaimContext.SwapOut: {frame} is a page-cache page; drop it (after writeback if dirty)");
        }

        var slot = _machine.Swap.Write(physical.Contents.Compact(f));
        if (slot < 0)
        {
            return false;
        }

        var owner = _machine.Process(physical.OwnerPid[f]);
        owner.PageTable.Set(physical.OwnerPage[f], PageTable.SwapEntry(slot));
        owner.AnonPages--;
        owner.SwapEntries++;
        owner.Memory.Mmu.FlushTlb(physical.OwnerPage[f], 1);
        _machine.Lru.Remove(frame);
        physical.Release(frame);
        _machine.VmStat.PswpOut++;
        _swappedOut++;
        return true;
    }

    public void Drop(FrameNumber frame)
    {
        Listed(frame, nameof(Drop));
        var f = frame.Value;
        var physical = _machine.Physical;
        if (physical.Use[f] != FrameUse.PageCache)
        {
            throw new InvalidOperationException($"IReclaimContext.Drop: {frame} is anonymous; anonymous pages can only be swapped out");
        }

        if (physical.PageDirty[f])
        {
            throw new InvalidOperationException($"IReclaimContext.Drop: {frame} is dirty; write it back first or its changes are lost");
        }

        foreach (var (process, page) in MappersOf(frame))
        {
            process.PageTable.Clear(page);
            process.FilePages--;
            process.Memory.Mmu.FlushTlb(page, 1);
        }

        _machine.PageCache.Remove(physical.FileId[f], physical.FileIndex[f]);
        _machine.Lru.Remove(frame);
        physical.Release(frame);
        _dropped++;
    }

    private List<(SimProcess Process, ulong Page)> MappersOf(FrameNumber frame)
    {
        var f = frame.Value;
        var physical = _machine.Physical;
        if (physical.Use[f] == FrameUse.Anonymous)
        {
            return [(_machine.Process(physical.OwnerPid[f]), physical.OwnerPage[f])];
        }

        return [.. (physical.Mappers[f] ?? []).Select(m => (_machine.Process(m.Pid), m.Page))];
    }

    private LruList Listed(FrameNumber frame, string where)
    {
        EnsureRunning(where);
        _machine.Physical.Check(frame, where);
        return _machine.Lru.ListOf(frame) ?? throw new InvalidOperationException($"IReclaimContext.{where}: {frame} is on no LRU list");
    }

    private void EnsureRunning(string where)
    {
        if (!_running)
        {
            throw new InvalidOperationException($"IReclaimContext.{where}: called outside a reclaim pass");
        }
    }
}
