using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The kernel services a page-fault handler may use, bound to one process (<see cref="IFaultContext"/>). Every call is
/// checked: an unaligned address, a frame that is not the handler's to fill, or mapping a frame twice throws with the
/// place and the reason, so that a learner's handler fails where its bug is.
/// </summary>
internal sealed class FaultContext : IFaultContext
{
    private readonly Machine _machine;
    private readonly SimProcess _process;

    public FaultContext(Machine machine, SimProcess process)
    {
        _machine = machine;
        _process = process;
    }

    public ulong PageSize => MachineConfig.PageSize;

    public VmaInfo? FindVma(ulong address)
    {
        var m = _process.Memory.FindMapping(address);
        if (m is null)
        {
            return null;
        }

        var kind = m.Kind switch
        {
            MappingKind.Heap => VmaKind.Heap,
            MappingKind.Anonymous => VmaKind.Anonymous,
            MappingKind.LibraryData => VmaKind.LibraryData,
            MappingKind.FileShared => VmaKind.FileShared,
            MappingKind.FilePrivate => VmaKind.FilePrivate,
            _ => throw new InvalidOperationException($"FaultContext.FindVma: unknown mapping kind {m.Kind}"),
        };
        return new VmaInfo(m.Start, m.End, m.Protection, kind, m.FileName, m.FileOffset);
    }

    public PageTableEntry ReadPte(ulong pageAddress) =>
        PageTable.Decode(_process.PageTable.Get(PageOf(pageAddress, nameof(ReadPte))));

    private readonly List<FrameNumber> _taken = [];

    // Frames the fault is using (the page already mapped there, a page-cache page it looked up), held off the LRU lists
    // until the fault ends so that reclaim run by an allocation in the middle cannot free them under the handler, as
    // the reference Linux holds on a page during a fault.
    private readonly List<(FrameNumber Frame, LruList List)> _pinned = [];

    public FrameNumber? AllocateFrame() => Track(_machine.Allocator.Allocate(_process));

    /// <summary>The page number being faulted on while the handler runs; null otherwise.</summary>
    public ulong? FaultingPage { get; private set; }

    /// <summary>Called by the machine before the handler runs: pins the frame the faulting page maps, if any.</summary>
    public void Begin(ulong page)
    {
        FaultingPage = page;
        var entry = _process.PageTable.Get(page);
        if ((entry & PageTable.Present) != 0)
        {
            Pin(PageTable.FrameOf(entry));
        }
    }

    /// <summary>Called by the machine after the handler returns: frames the handler took but never mapped go back to
    /// the free list (a handler that leaks frames would otherwise shrink RAM for good), and pinned frames still in use
    /// go back on their LRU list.</summary>
    public void Finish()
    {
        FaultingPage = null;
        var physical = _machine.Physical;
        foreach (var frame in _taken)
        {
            if (physical.Use[frame.Value] == FrameUse.Allocated)
            {
                physical.Release(frame);
            }
        }

        foreach (var (frame, list) in _pinned)
        {
            if (physical.Use[frame.Value] is FrameUse.Anonymous or FrameUse.PageCache && _machine.Lru.ListOf(frame) is null)
            {
                _machine.Lru.AddHead(frame, list);
            }
        }

        _taken.Clear();
        _pinned.Clear();
    }

    private void Pin(FrameNumber frame)
    {
        if (frame == _machine.Physical.ZeroFrame || _machine.Lru.ListOf(frame) is not { } list)
        {
            return;
        }

        _machine.Lru.Remove(frame);
        _pinned.Add((frame, list));
    }

    private FrameNumber? Track(FrameNumber? frame)
    {
        if (frame is not null)
        {
            _taken.Add(frame.Value);
        }

        return frame;
    }

    public void ZeroFill(FrameNumber frame) => _machine.Physical.Contents.Clear(Fillable(frame, nameof(ZeroFill)).Value);

    public void CopyFrame(FrameNumber source, FrameNumber destination)
    {
        var physical = _machine.Physical;
        var to = Fillable(destination, nameof(CopyFrame)).Value;
        if (source == physical.ZeroFrame)
        {
            physical.Contents.Clear(to);
        }
        else
        {
            physical.Contents.Copy(physical.Check(source, nameof(CopyFrame)), to);
        }
    }

    public FrameNumber? ReadFilePage(string fileName, ulong fileOffset, out bool wasCached)
    {
        var frame = _machine.ReadFilePage(_process, fileName, fileOffset, out wasCached);
        if (frame is not null)
        {
            Pin(frame.Value);
        }

        return frame;
    }

    public FrameNumber? SwapIn(ulong pageAddress) => Track(_machine.SwapIn(_process, PageOf(pageAddress, nameof(SwapIn))));

    public void MapPage(ulong pageAddress, FrameNumber frame, bool writable) =>
        _machine.MapPage(_process, PageOf(pageAddress, nameof(MapPage)), frame, writable);

    public void MapZeroPage(ulong pageAddress) =>
        _machine.MapPage(_process, PageOf(pageAddress, nameof(MapZeroPage)), _machine.Physical.ZeroFrame, writable: false);

    private ulong PageOf(ulong pageAddress, string where)
    {
        if (!PageMath.IsAligned(pageAddress, PageSize))
        {
            throw new ArgumentException($"IFaultContext.{where}: 0x{pageAddress:x} is not page-aligned (round the fault address down to its page)");
        }

        return pageAddress / PageSize;
    }

    private FrameNumber Fillable(FrameNumber frame, string where)
    {
        var f = _machine.Physical.Check(frame, where);
        if (_machine.Physical.Use[f] != FrameUse.Allocated)
        {
            throw new InvalidOperationException(
                $"IFaultContext.{where}: {frame} is {_machine.Physical.Use[f]}, not a frame you just allocated; only fill frames from AllocateFrame or SwapIn");
        }

        return frame;
    }
}
