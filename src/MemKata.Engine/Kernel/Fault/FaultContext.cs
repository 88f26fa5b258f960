using System.Diagnostics;
using System.Reflection;
using System.Text;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The kernel services a page-fault handler may use, bound to one process (<see cref="IFaultContext"/>). Every call is
/// checked: an unaligned address, a frame that is not the handler's to fill, or mapping a frame twice throws with the
/// place and the reason, so that a learner's handler fails where its bug is. While a fault is recorded
/// (<see cref="Begin"/> given the handler's assembly), each call is also noted with the handler method that made it.
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

    // The calls of the fault being recorded, with the handler method that made each, or null when not recording.
    private List<(string Method, string Call)>? _calls;
    private Assembly? _handler;

    public ulong PageSize => MachineConfig.PageSize;

    /// <summary>The page number being faulted on while the handler runs; null otherwise.</summary>
    public ulong? FaultingPage { get; private set; }

    public VmaInfo? FindVma(ulong address)
    {
        Note(nameof(FindVma));
        var m = process.Memory.FindMapping(address);
        return m is null ? null : new VmaInfo(m.Start, m.End, m.Protection, m.Kind, m.FileName, m.FileOffset);
    }

    public PageTableEntry ReadPte(ulong pageAddress)
    {
        Note(nameof(ReadPte));
        return process.PageTable.Get(PageOf(pageAddress, nameof(ReadPte)));
    }

    public FrameNumber? AllocateFrame()
    {
        Note(nameof(AllocateFrame));
        return Track(allocator.Allocate(process));
    }

    /// <summary>Called by the fault entry before the handler runs: pins the frame the faulting page maps, if any; with
    /// <paramref name="recordCallsOf"/> (the handler's assembly), notes every call until <see cref="TakeCalls"/>.</summary>
    public void Begin(ulong page, PageFault fault, Assembly? recordCallsOf = null)
    {
        FaultingPage = page;
        _fault = fault;
        _handler = recordCallsOf;
        _calls = recordCallsOf is null ? null : [];
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

    /// <summary>The calls noted since <see cref="Begin"/>, grouped by the handler method that made them
    /// (<see cref="HandledFault.Calls"/>); empty when none were, or when the fault was not recorded.</summary>
    public string TakeCalls()
    {
        if (_calls is null)
        {
            return "";
        }

        var text = new StringBuilder();
        for (var i = 0; i < _calls.Count; i++)
        {
            var (method, call) = _calls[i];
            var newMethod = i == 0 || _calls[i - 1].Method != method;
            text.Append(i == 0 ? "" : newMethod ? "; " : ", ").Append(newMethod && method.Length > 0 ? method + ": " : "").Append(call);
        }

        _calls = null;
        return text.ToString();
    }

    public void ZeroFill(FrameNumber frame)
    {
        Note(nameof(ZeroFill));
        frames.Contents.Clear(Fillable(frame, nameof(ZeroFill)).Value);
    }

    public void CopyFrame(FrameNumber source, FrameNumber destination)
    {
        Note(source == frames.ZeroFrame ? "CopyFrame from the zero page" : nameof(CopyFrame));
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
        Note(frame is null ? "ReadFilePage (no frame)" : wasCached ? "ReadFilePage (cached)" : "ReadFilePage (read from the file)");
        if (frame is not null)
        {
            Pin(frame.Value);
        }

        return frame;
    }

    public FrameNumber? SwapIn(ulong pageAddress)
    {
        Note(nameof(SwapIn));
        return Track(pageIn.SwapIn(process, PageOf(pageAddress, nameof(SwapIn))));
    }

    public void MapPage(ulong pageAddress, FrameNumber frame, bool writable)
    {
        Note(writable ? "MapPage rw" : "MapPage r-");
        mapper.MapPage(process, PageOf(pageAddress, nameof(MapPage)), frame, writable);
    }

    public void MapZeroPage(ulong pageAddress)
    {
        Note(nameof(MapZeroPage));
        mapper.MapPage(process, PageOf(pageAddress, nameof(MapZeroPage)), frames.ZeroFrame, writable: false);
    }

    // Notes a call of the fault being recorded, with the innermost method of the handler's assembly on the stack (not
    // this class's: the reference handler lives in this assembly too). Lambdas and local functions are named by the
    // method that holds them.
    private void Note(string call)
    {
        if (_calls is null)
        {
            return;
        }

        var method = "";
        foreach (var frame in new StackTrace(1, fNeedFileInfo: false).GetFrames())
        {
            if (frame.GetMethod() is { DeclaringType: { } type } m && type != typeof(FaultContext) && type.Assembly == _handler)
            {
                method = m.Name.StartsWith('<') && m.Name.IndexOf('>', StringComparison.Ordinal) is > 1 and var end ? m.Name[1..end] : m.Name;
                break;
            }
        }

        _calls.Add((method, call));
    }

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
