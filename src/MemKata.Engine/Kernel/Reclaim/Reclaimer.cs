using System.Globalization;
using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The mechanics of reclaim behind <see cref="IReclaimContext"/> (Linux's <c>shrink_folio_list</c> machinery): it runs the
/// <see cref="IReclaimPolicy"/> for one request, lets it walk the LRU lists within a scan budget, carries out its
/// decisions (clear referenced bits, move pages, write back, swap out, drop) with all their bookkeeping, counts scans
/// and steals, and logs one line per pass. kswapd (<see cref="Kswapd"/>) and direct reclaim (<see cref="DirectReclaim"/>)
/// both come here.
/// </summary>
internal sealed class Reclaimer : IReclaimContext
{
    private readonly int _swappiness;
    private readonly IReclaimPolicy _policy;
    private readonly FrameTable _frames;
    private readonly LruLists _lru;
    private readonly SwapDevice _swap;
    private readonly PageCache _pageCache;
    private readonly ProcessTable _processes;
    private readonly Writeback _writeback;
    private readonly VmStat _vmStat;
    private readonly EventLog _events;

    // The frames ScanTail handed to the policy during this request: the only ones it may act on (Linux isolates the
    // pages it scans off the LRU tail, isolate_lru_folios). A policy cannot free frames it made up.
    private readonly HashSet<int> _handedOut = [];

    // The same frames in the order handed out, so that forgetting them costs what this request scanned: HashSet.Clear
    // clears every bucket of the largest set ever held (a million after one big kswapd pass), at every request.
    private readonly List<int> _handedOrder = [];
    private ReclaimMode _mode;
    private long _scanBudget;
    private long _scanned;
    private long _swappedOut;
    private long _dropped;
    private long _writtenBack;
    private long _rotated;
    private long _activated;
    private long _deactivated;
    private bool _running;

    public Reclaimer(int swappiness, IReclaimPolicy policy, FrameTable frames, LruLists lru, SwapDevice swap, PageCache pageCache,
        ProcessTable processes, Writeback writeback, VmStat vmStat, EventLog events)
    {
        _swappiness = swappiness;
        _policy = policy;
        _frames = frames;
        _lru = lru;
        _swap = swap;
        _pageCache = pageCache;
        _processes = processes;
        _writeback = writeback;
        _vmStat = vmStat;
        _events = events;
    }

    /// <summary>The policy every pass asks.</summary>
    public IReclaimPolicy Policy => _policy;

    /// <summary>Told of every pass the policy finished (not one it threw in), with the lists before and after and
    /// what moved.</summary>
    public event Action<ReclaimPass>? Ran;

    public int Swappiness => _swappiness;

    public long FreePages => _frames.FreeFrames;

    public long FreeSwapSlots => _swap.FreeSlots;

    /// <summary>Runs the policy for one request and returns the frames it freed.</summary>
    public long Run(ReclaimMode mode, long wanted, int pid)
    {
        if (_running)
        {
            throw new InvalidOperationException("Reclaimer.Run: reclaim entered twice (a policy must not allocate)");
        }

        _running = true;
        ForgetHandedOut();
        _mode = mode;
        var lru = _lru;
        var listed = lru.Count(LruList.InactiveAnon) + lru.Count(LruList.ActiveAnon) + lru.Count(LruList.InactiveFile) + lru.Count(LruList.ActiveFile);
        _scanBudget = (2 * listed) + 64;
        _scanned = _swappedOut = _dropped = _writtenBack = _rotated = _activated = _deactivated = 0;
        var before = _frames.FreeFrames;
        var listsBefore = Ran is null ? null : Sizes();
        try
        {
            _policy.Reclaim(this, new ReclaimRequest(mode, wanted));
        }
        finally
        {
            _running = false;
            ForgetHandedOut();
        }

        var freed = _frames.FreeFrames - before;
        if (listsBefore is not null)
        {
            Ran?.Invoke(new ReclaimPass(pid, mode, wanted, listsBefore, Sizes(), _scanned, _rotated, _activated, _deactivated,
                _writtenBack, _swappedOut, _dropped, freed));
        }

        if (mode == ReclaimMode.Background)
        {
            _vmStat.PgStealKswapd += freed;
        }
        else
        {
            _vmStat.PgStealDirect += freed;
        }

        if (!_events.HasRoom)
        {
            _events.CountDropped();
            return freed;
        }

        var who = mode == ReclaimMode.Background ? "kswapd" : "direct reclaim";
        _events.Add(pid, KernelEventKind.Reclaim, string.Create(CultureInfo.InvariantCulture,
            $"{who}: wanted {wanted}, scanned {_scanned}, reclaimed {freed} (swapped out {_swappedOut}, dropped {_dropped} file pages, wrote back {_writtenBack}); {_frames.FreeFrames} pages free"));
        return freed;
    }

    public long Count(LruList list) => _lru.Count(list);

    // The four lists' sizes, in LruList order.
    private long[] Sizes() => [.. Enum.GetValues<LruList>().Select(_lru.Count)];

    public FrameNumber? ScanTail(LruList list)
    {
        EnsureRunning(nameof(ScanTail));
        if (_scanBudget <= 0)
        {
            return null;
        }

        var tail = _lru.Tail(list);
        if (tail is null)
        {
            return null;
        }

        _scanBudget--;
        if (_handedOut.Add(tail.Value.Value))
        {
            _handedOrder.Add(tail.Value.Value);
        }
        if (list is LruList.ActiveAnon or LruList.ActiveFile)
        {
            _vmStat.PgRefill++;
        }
        else
        {
            _scanned++;
            if (_mode == ReclaimMode.Background)
            {
                _vmStat.PgScanKswapd++;
            }
            else
            {
                _vmStat.PgScanDirect++;
            }
        }

        return tail;
    }

    public PageInfo Inspect(FrameNumber frame)
    {
        var list = Listed(frame, nameof(Inspect));
        if (_frames.UseOf(frame) == FrameUse.Anonymous)
        {
            var (pid, page) = _frames.OwnerOf(frame);
            var dirty = _processes.Get(pid).PageTable.Get(page).Dirty;
            return new PageInfo(frame, list, IsAnonymous: true, dirty, Mapped: true);
        }

        return new PageInfo(frame, list, IsAnonymous: false, _frames.IsDirty(frame), _frames.IsMapped(frame));
    }

    public bool TestAndClearReferenced(FrameNumber frame)
    {
        Listed(frame, nameof(TestAndClearReferenced));
        if (_frames.UseOf(frame) == FrameUse.Anonymous)
        {
            // One owner: no list to build (this runs for every page scanned).
            var (owner, ownerPage) = _frames.OwnerOf(frame);
            if (!_processes.Get(owner).PageTable.TestAndClearAccessed(ownerPage))
            {
                return false;
            }

            _processes.ShootDown(owner, ownerPage);
            return true;
        }

        var referenced = false;
        foreach (var (pid, page) in _frames.MappersOf(frame))
        {
            if (_processes.Get(pid).PageTable.TestAndClearAccessed(page))
            {
                referenced = true;
                _processes.ShootDown(pid, page);
            }
        }

        return referenced;
    }

    public void Rotate(FrameNumber frame)
    {
        _lru.MoveToHead(frame, Listed(frame, nameof(Rotate)));
        _rotated++;
    }

    public void Activate(FrameNumber frame)
    {
        var list = Listed(frame, nameof(Activate));
        var target = list switch
        {
            LruList.InactiveAnon => LruList.ActiveAnon,
            LruList.InactiveFile => LruList.ActiveFile,
            _ => throw new InvalidOperationException($"IReclaimContext.Activate: {frame} is already on {list}"),
        };
        _lru.MoveToHead(frame, target);
        _activated++;
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
        _lru.MoveToHead(frame, target);
        _deactivated++;
    }

    public void Writeback(FrameNumber frame)
    {
        Listed(frame, nameof(Writeback));
        if (_frames.UseOf(frame) != FrameUse.PageCache)
        {
            throw new InvalidOperationException($"IReclaimContext.Writeback: {frame} is anonymous; anonymous pages go to swap (SwapOut)");
        }

        if (_writeback.WriteBack(frame))
        {
            _writtenBack++;
        }
    }

    public bool SwapOut(FrameNumber frame)
    {
        Listed(frame, nameof(SwapOut));
        if (_frames.UseOf(frame) != FrameUse.Anonymous)
        {
            throw new InvalidOperationException($"IReclaimContext.SwapOut: {frame} is a page-cache page; drop it (after writeback if dirty)");
        }

        var slot = _swap.Write(_frames.Contents.Compact(frame.Value));
        if (slot < 0)
        {
            return false;
        }

        var (pid, page) = _frames.OwnerOf(frame);
        var owner = _processes.Get(pid);
        owner.PageTable.SetSwapped(page, slot);
        owner.AnonPages--;
        owner.SwapEntries++;
        _processes.ShootDown(pid, page);
        _lru.Remove(frame);
        _frames.Release(frame);
        _vmStat.PswpOut++;
        _swappedOut++;
        return true;
    }

    public void Drop(FrameNumber frame)
    {
        Listed(frame, nameof(Drop));
        if (_frames.UseOf(frame) != FrameUse.PageCache)
        {
            throw new InvalidOperationException($"IReclaimContext.Drop: {frame} is anonymous; anonymous pages can only be swapped out");
        }

        if (_frames.IsDirty(frame))
        {
            throw new InvalidOperationException($"IReclaimContext.Drop: {frame} is dirty; write it back first or its changes are lost");
        }

        foreach (var (pid, page) in _frames.MappersOf(frame))
        {
            var process = _processes.Get(pid);
            process.PageTable.Clear(page);
            process.FilePages--;
            _processes.ShootDown(pid, page);
        }

        var (fileId, index) = _frames.FileOf(frame);
        _pageCache.Remove(fileId, index);
        _lru.Remove(frame);
        _frames.Release(frame);
        _dropped++;
    }

    private LruList Listed(FrameNumber frame, string where)
    {
        EnsureRunning(where);
        _frames.Check(frame, where);
        var list = _lru.ListOf(frame) ?? throw new InvalidOperationException($"IReclaimContext.{where}: {frame} is on no LRU list");
        return _handedOut.Contains(frame.Value)
            ? list
            : throw new InvalidOperationException(
                $"IReclaimContext.{where}: {frame} was not handed to you by ScanTail during this request; act only on the pages ScanTail gives you");
    }

    private void ForgetHandedOut()
    {
        foreach (var frame in _handedOrder)
        {
            _handedOut.Remove(frame);
        }

        _handedOrder.Clear();
    }

    private void EnsureRunning(string where)
    {
        if (!_running)
        {
            throw new InvalidOperationException($"IReclaimContext.{where}: called outside a reclaim pass");
        }
    }
}
