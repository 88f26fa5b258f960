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
    public static readonly FrameNumber NewFrame = new(11);
    public static readonly FrameNumber CachedFrame = new(22);
    public static readonly FrameNumber SwappedInFrame = new(33);

    public List<string> Changes { get; } = [];

    /// <summary>False: AllocateFrame, ReadFilePage and SwapIn answer null, as when reclaim and the OOM killer failed.</summary>
    public bool FramesAvailable { get; init; } = true;

    public bool FileCached { get; init; } = true;

    /// <summary>The last MapPage or MapZeroPage: what the entry now says.</summary>
    public string? Mapped { get; private set; }

    public ulong PageSize => Machines.Page;

    public VmaInfo? FindVma(ulong address) => vma is not null && vma.Contains(address) ? vma : null;

    public PageTableEntry ReadPte(ulong pageAddress) => pte;

    public FrameNumber? AllocateFrame() => Record("AllocateFrame", NewFrame);

    public void ZeroFill(FrameNumber frame) => Changes.Add($"ZeroFill({frame})");

    public void CopyFrame(FrameNumber source, FrameNumber destination) => Changes.Add($"CopyFrame({source} -> {destination})");

    public FrameNumber? ReadFilePage(string fileName, ulong fileOffset, out bool wasCached)
    {
        wasCached = FileCached;
        return Record($"ReadFilePage({fileName}, 0x{fileOffset:x})", CachedFrame);
    }

    public FrameNumber? SwapIn(ulong pageAddress) => Record("SwapIn", SwappedInFrame);

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

    private FrameNumber? Record(string call, FrameNumber frame)
    {
        Changes.Add(call);
        return FramesAvailable ? frame : null;
    }
}
