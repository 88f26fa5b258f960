using MemKata.Contracts.Kernel;

namespace MemKata.Graders.FaultHandler;

/// <summary>
/// The kernel's <see cref="IFaultContext"/> as one fault's handler sees it, passing every call through and writing down
/// what it asked and what it got: the frames taken, what each was filled with, the file pages and swap-ins read, and the
/// mappings made. <see cref="FaultRules"/> judges the fault from this record, never from the order of the calls.
/// </summary>
internal sealed class RecordingContext(IFaultContext inner) : IFaultContext
{
    private readonly Dictionary<FrameNumber, string> _contents = [];

    /// <summary>The frames AllocateFrame handed out.</summary>
    public List<FrameNumber> Allocated { get; } = [];

    /// <summary>Each ReadFilePage that answered: the frame and whether it was cached.</summary>
    public List<(string File, ulong Offset, FrameNumber Frame, bool WasCached)> FileReads { get; } = [];

    /// <summary>Each SwapIn that answered.</summary>
    public List<(ulong Page, FrameNumber Frame)> SwapIns { get; } = [];

    /// <summary>Each MapPage (a frame) or MapZeroPage (Frame null), in order.</summary>
    public List<(ulong Page, FrameNumber? Frame, bool Writable)> Mappings { get; } = [];

    /// <summary>True when a call that provides a frame answered null.</summary>
    public bool Refused { get; private set; }

    /// <summary>True when nothing that changes memory (or takes a frame, or reads a file) was called.</summary>
    public bool ChangedNothing => Allocated.Count == 0 && FileReads.Count == 0 && SwapIns.Count == 0 && Mappings.Count == 0 && _contents.Count == 0 && !Refused;

    /// <inheritdoc/>
    public ulong PageSize => inner.PageSize;

    /// <summary>What was last written into <paramref name="frame"/> during the fault: "zeros", "a copy of frame N", or
    /// null when the handler wrote nothing into it.</summary>
    public string? ContentsOf(FrameNumber frame) => _contents.GetValueOrDefault(frame);

    /// <inheritdoc/>
    public VmaInfo? FindVma(ulong address) => inner.FindVma(address);

    /// <inheritdoc/>
    public PageTableEntry ReadPte(ulong pageAddress) => inner.ReadPte(pageAddress);

    /// <inheritdoc/>
    public FrameNumber? AllocateFrame()
    {
        var frame = inner.AllocateFrame();
        Note(frame, f => Allocated.Add(f));
        return frame;
    }

    /// <inheritdoc/>
    public void ZeroFill(FrameNumber frame)
    {
        inner.ZeroFill(frame);
        _contents[frame] = "zeros";
    }

    /// <inheritdoc/>
    public void CopyFrame(FrameNumber source, FrameNumber destination)
    {
        inner.CopyFrame(source, destination);
        _contents[destination] = _contents.TryGetValue(source, out var copied) ? copied : $"a copy of {source}";
    }

    /// <inheritdoc/>
    public FrameNumber? ReadFilePage(string fileName, ulong fileOffset, out bool wasCached)
    {
        var frame = inner.ReadFilePage(fileName, fileOffset, out wasCached);
        var cached = wasCached;
        Note(frame, f => FileReads.Add((fileName, fileOffset, f, cached)));
        return frame;
    }

    /// <inheritdoc/>
    public FrameNumber? SwapIn(ulong pageAddress)
    {
        var frame = inner.SwapIn(pageAddress);
        Note(frame, f => SwapIns.Add((pageAddress, f)));
        return frame;
    }

    /// <inheritdoc/>
    public void MapPage(ulong pageAddress, FrameNumber frame, bool writable)
    {
        inner.MapPage(pageAddress, frame, writable);
        Mappings.Add((pageAddress, frame, writable));
    }

    /// <inheritdoc/>
    public void MapZeroPage(ulong pageAddress)
    {
        inner.MapZeroPage(pageAddress);
        Mappings.Add((pageAddress, null, false));
    }

    private void Note(FrameNumber? frame, Action<FrameNumber> answered)
    {
        if (frame is { } f)
        {
            answered(f);
        }
        else
        {
            Refused = true;
        }
    }
}
