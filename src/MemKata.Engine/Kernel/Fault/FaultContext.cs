using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The kernel services a page-fault handler may use, bound to one process (<see cref="IFaultContext"/>). Every call is
/// checked: an unaligned address, a frame that is not the handler's to fill, or mapping a frame twice throws with the
/// place and the reason, so that a learner's handler fails where its bug is.
/// </summary>
internal sealed class FaultContext(SimProcess process, FrameTable frames, LruLists lru, PageAllocator allocator, PageIn pageIn, PageMapper mapper)
    : IFaultContext
{
    private readonly List<FrameNumber> _taken = [];

    // Frames the fault is using (the page already mapped there, a page-cache page it looked up), held off the LRU lists
    // until the fault ends so that reclaim run by an allocation in the middle cannot free them under the handler, as
    // the reference Linux holds on a page during a fault.
    private readonly List<(FrameNumber Frame, LruList List)> _pinned = [];

    private PageFault _fault;

    public ulong PageSize => MachineConfig.PageSize;

    /// <summary>The page number being faulted on while the handler runs; null otherwise.</summary>
    public ulong? FaultingPage { get; private set; }

    public VmaInfo? FindVma(ulong address)
    {
        var m = process.Memory.FindMapping(address);
        return m is null ? null : new VmaInfo(m.Start, m.End, m.Protection, m.Kind, m.FileName, m.FileOffset);
    }

    public PageTableEntry ReadPte(ulong pageAddress) => process.PageTable.Get(PageOf(pageAddress, nameof(ReadPte)));

    public FrameNumber? AllocateFrame() => Track(allocator.Allocate(process));

    /// <summary>Called by the fault entry before the handler runs: pins the frame the faulting page maps, if any.</summary>
    public void Begin(ulong page, PageFault fault)
    {
        FaultingPage = page;
        _fault = fault;
        var entry = process.PageTable.Get(page);
        if (entry.IsPresent)
        {
            Pin(entry.Frame);
        }
    }

    /// <summary>Called by the fault entry after the handler returns: frames the handler took but never mapped go back
    /// to the free list (a handler that leaks frames would otherwise shrink RAM for good), and pinned frames still in
    /// use go back on their LRU list.</summary>
    public void Finish()
    {
        FaultingPage = null;
        foreach (var frame in _taken)
        {
            if (frames.UseOf(frame) == FrameUse.Allocated)
            {
                frames.Release(frame);
            }
        }

        foreach (var (frame, list) in _pinned)
        {
            if (frames.UseOf(frame) is FrameUse.Anonymous or FrameUse.PageCache && lru.ListOf(frame) is null)
            {
                lru.AddHead(frame, list);
            }
        }

        _taken.Clear();
        _pinned.Clear();
    }

    public void ZeroFill(FrameNumber frame) => frames.Contents.Clear(Fillable(frame, nameof(ZeroFill)).Value);

    public void CopyFrame(FrameNumber source, FrameNumber destination)
    {
        var to = Fillable(destination, nameof(CopyFrame)).Value;
        if (source == frames.ZeroFrame)
        {
            frames.Contents.Clear(to);
        }
        else
        {
            frames.Contents.Copy(frames.Check(source, nameof(CopyFrame)), to);
        }
    }

    public FrameNumber? ReadFilePage(string fileName, ulong fileOffset, out bool wasCached)
    {
        var frame = pageIn.ReadFilePage(process, fileName, fileOffset, _fault.Address, _fault.Access == AccessKind.Write, out wasCached);
        if (frame is not null)
        {
            Pin(frame.Value);
        }

        return frame;
    }

    public FrameNumber? SwapIn(ulong pageAddress) => Track(pageIn.SwapIn(process, PageOf(pageAddress, nameof(SwapIn))));

    public void MapPage(ulong pageAddress, FrameNumber frame, bool writable) =>
        mapper.MapPage(process, PageOf(pageAddress, nameof(MapPage)), frame, writable);

    public void MapZeroPage(ulong pageAddress) =>
        mapper.MapPage(process, PageOf(pageAddress, nameof(MapZeroPage)), frames.ZeroFrame, writable: false);

    private void Pin(FrameNumber frame)
    {
        if (frame == frames.ZeroFrame || lru.ListOf(frame) is not { } list)
        {
            return;
        }

        lru.Remove(frame);
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
        var f = frames.Check(frame, where);
        if (frames.UseOf(frame) != FrameUse.Allocated)
        {
            throw new InvalidOperationException(
                $"IFaultContext.{where}: frame {f} is {frames.UseOf(frame)}, not a frame you just allocated; only fill frames from AllocateFrame or SwapIn");
        }

        return frame;
    }
}
