using MemKata.Contracts;
using MemKata.Contracts.Kernel;

/// <summary>
/// A sample submission that never maps a page read-only to copy it later: every first touch of anonymous memory, read
/// or write, gets a zeroed frame (no zero page), a private file page is mapped writable straight from the page cache
/// (so a private write changes the file for everyone), and a write to a present page just makes it writable.
/// Legality, file reads (major vs minor), swap-in and out-of-memory are right.
/// </summary>
public sealed class FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The area (VMA) decides whether the access is legal at all: no area, or a protection that forbids it, is task 1.
        var vma = context.FindVma(fault.Address);
        if (vma is null || !vma.Allows(fault.Access))
        {
            return RefuseAccess(vma, fault);
        }

        // A legal access: the page table entry, and the kind of area, tell which task this fault is.
        var pte = context.ReadPte(fault.PageAddress);
        return pte.State switch
        {
            PteState.Swapped => SwapBackIn(context, vma, fault),
            PteState.Present => CopyOnWrite(context, vma, fault, pte),
            _ when vma.IsAnonymous => FirstTouchOfAnonymousMemory(context, vma, fault),
            _ when vma.Kind == VmaKind.FilePrivate && fault.Access == AccessKind.Write => CopyOnWrite(context, vma, fault, pte),
            _ => FilePage(context, vma, fault),
        };
    }

    private static bool AreaIsWritable(VmaInfo vma) => (vma.Protection & Protection.Write) != 0;

    // Task 1: bad_area: the program gets SIGSEGV, and nothing changes.
    private static FaultResult RefuseAccess(VmaInfo? vma, PageFault fault) =>
        FaultResult.SegmentationFault(
            vma is null ? "no mapping at this address"
            : fault.Access == AccessKind.Write ? "the mapping does not allow writing"
            : "the mapping does not allow reading");

    // Task 2: a read maps the shared zero page (no frame at all); a write gets a zeroed frame of its own.
    private static FaultResult FirstTouchOfAnonymousMemory(IFaultContext context, VmaInfo vma, PageFault fault)
    {
        if (context.AllocateFrame() is not { } frame)
        {
            return NoFrameLeft();
        }

        context.ZeroFill(frame);
        context.MapPage(fault.PageAddress, frame, AreaIsWritable(vma));
        return FaultResult.Minor;
    }

    // Task 3: file pages come from the page cache; a miss reads the disk, which makes the fault major.
    private static FaultResult FilePage(IFaultContext context, VmaInfo vma, PageFault fault)
    {
        if (context.ReadFilePage(vma.FileName!, vma.FileOffsetOf(fault.PageAddress), out var wasCached) is not { } cached)
        {
            return NoFrameLeft();
        }

        // Every process sharing the file maps the same page-cache page; writes go to it (and dirty it). A private
        // mapping reads the cached page read-only, so that a later write faults and copies (task 5).
        context.MapPage(fault.PageAddress, cached, AreaIsWritable(vma));
        return wasCached ? FaultResult.Minor : FaultResult.Major;
    }

    // Task 4: the entry names a swap slot: read it back into a frame (disk I/O, so a major fault).
    private static FaultResult SwapBackIn(IFaultContext context, VmaInfo vma, PageFault fault)
    {
        if (context.SwapIn(fault.PageAddress) is not { } frame)
        {
            return NoFrameLeft();
        }

        context.MapPage(fault.PageAddress, frame, AreaIsWritable(vma));
        return FaultResult.Major;
    }

    // Task 5: a write to a present page only makes it writable; a first write to a private file page maps the cached page.
    private static FaultResult CopyOnWrite(IFaultContext context, VmaInfo vma, PageFault fault, PageTableEntry pte)
    {
        if (pte.State != PteState.Present)
        {
            return FilePage(context, vma, fault);
        }

        context.MapPage(fault.PageAddress, pte.Frame, writable: true);
        return FaultResult.Minor;
    }

    // Task 6: reclaim and the OOM killer already ran inside the call that answered null: map nothing, give up.
    private static FaultResult NoFrameLeft() => FaultResult.OutOfMemory;
}
