using MemKata.Contracts;
using MemKata.Contracts.Kernel;

namespace MemKata.Graders.FaultHandler;

/// <summary>
/// An <see cref="IFaultContext"/> for calling the handler directly, the way the kernel does: FindVma answers the given
/// area, ReadPte the given entry, frames are there or not, and every call that changes something is recorded. The
/// simulated process memory refuses accesses outside any area or against its protection before the kernel is
/// involved, so these checks are how the legality rules of task 1 and the null answers of task 6 are tested.
/// </summary>
internal sealed class ScriptedContext(VmaInfo? vma, PageTableEntry pte = default) : IFaultContext
{
    /// <summary>The frame the first AllocateFrame gives; each later call gives the next number (12, 13, ...), so a test
    /// can tell which of several frames the handler filled and mapped.</summary>
    public static readonly FrameNumber NewFrame = new(11);
    public static readonly FrameNumber CachedFrame = new(22);
    public static readonly FrameNumber SwappedInFrame = new(33);

    private int _allocated;

    /// <summary>The calls that can answer null, when they fail for want of a frame.</summary>
    [Flags]
    public enum FrameCalls
    {
        None = 0,
        AllocateFrame = 1,
        ReadFilePage = 2,
        SwapIn = 4,
        All = AllocateFrame | ReadFilePage | SwapIn,
    }

    public List<string> Changes { get; } = [];

    /// <summary>False: AllocateFrame, ReadFilePage and SwapIn answer null, as when reclaim and the OOM killer failed.</summary>
    public bool FramesAvailable
    {
        get => Failing == FrameCalls.None;
        init => Failing = value ? FrameCalls.None : FrameCalls.All;
    }

    /// <summary>The calls that answer null (after recording that they were asked).</summary>
    public FrameCalls Failing { get; init; }

    /// <summary>How many frames AllocateFrame handed out.</summary>
    public int FramesTaken => _allocated;

    public bool FileCached { get; init; } = true;

    /// <summary>The last MapPage or MapZeroPage: what the entry now says.</summary>
    public string? Mapped { get; private set; }

    public ulong PageSize => Machines.Page;

    public VmaInfo? FindVma(ulong address) => vma is not null && vma.Contains(address) ? vma : null;

    public PageTableEntry ReadPte(ulong pageAddress) => pte;

    public FrameNumber? AllocateFrame()
    {
        Changes.Add("AllocateFrame");
        return Failing.HasFlag(FrameCalls.AllocateFrame) ? null : new FrameNumber(NewFrame.Value + _allocated++);
    }

    public void ZeroFill(FrameNumber frame) => Changes.Add($"ZeroFill({frame})");

    public void CopyFrame(FrameNumber source, FrameNumber destination) => Changes.Add($"CopyFrame({source} -> {destination})");

    public FrameNumber? ReadFilePage(string fileName, ulong fileOffset, out bool wasCached)
    {
        wasCached = FileCached;
        return Record($"ReadFilePage({fileName}, 0x{fileOffset:x})", CachedFrame, FrameCalls.ReadFilePage);
    }

    public FrameNumber? SwapIn(ulong pageAddress) => Record("SwapIn", SwappedInFrame, FrameCalls.SwapIn);

    public void MapPage(ulong pageAddress, FrameNumber frame, bool writable)
    {
        Mapped = $"{frame}, {(writable ? "writable" : "read-only")}";
        Changes.Add($"MapPage(0x{pageAddress:x}, {Mapped})");
    }

    public void MapZeroPage(ulong pageAddress)
    {
        Mapped = "zero page";
        Changes.Add($"MapZeroPage(0x{pageAddress:x})");
    }

    public static VmaInfo Area(Protection protection, VmaKind kind = VmaKind.Anonymous) =>
        kind is VmaKind.FileShared or VmaKind.FilePrivate
            ? new VmaInfo(0x10000, 0x14000, protection, kind, "data.bin", 0x3000)
            : new VmaInfo(0x10000, 0x14000, protection, kind, null, 0);

    public static PageFault At(ulong address, AccessKind access) => new(1, address, address & ~(Machines.Page - 1), access);

    public string Calls => Changes.Count == 0 ? "nothing" : string.Join(", ", Changes);

    private FrameNumber? Record(string call, FrameNumber frame, FrameCalls which)
    {
        Changes.Add(call);
        return Failing.HasFlag(which) ? null : frame;
    }
}
