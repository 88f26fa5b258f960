using MemKata.Contracts;
using MemKata.Contracts.Kernel;

/// <summary>
/// The reference page-fault handler of the exercise, written with <c>MemKata.Contracts</c> only. It follows Linux's
/// <c>handle_mm_fault</c> (mm/memory.c): <c>do_anonymous_page</c>, <c>do_read_fault</c>, <c>do_cow_fault</c>,
/// <c>do_shared_fault</c>, <c>do_swap_page</c> and <c>do_wp_page</c>, for the cases the simulation has.
/// </summary>
public sealed class FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Task 1: the area decides whether the access is legal at all.
        var vma = context.FindVma(fault.Address);
        if (vma is null)
        {
            return FaultResult.SegmentationFault("no mapping at this address");
        }

        if (!vma.Allows(fault.Access))
        {
            return FaultResult.SegmentationFault(
                fault.Access == AccessKind.Write ? "the mapping does not allow writing" : "the mapping does not allow reading");
        }

        // The entry tells which of the other tasks this fault is.
        var pte = context.ReadPte(fault.PageAddress);
        return pte.State switch
        {
            PteState.Swapped => SwapBackIn(context, vma, fault),
            PteState.Present => CopyOnWrite(context, vma, fault, pte),
            _ when vma.IsAnonymous => FirstTouchOfAnonymousMemory(context, vma, fault),
            _ => FilePage(context, vma, fault),
        };
    }

    private static bool AreaIsWritable(VmaInfo vma) => (vma.Protection & Protection.Write) != 0;

    // Task 2: a read maps the shared zero page (no frame at all); a write gets a zeroed frame of its own.
    private static FaultResult FirstTouchOfAnonymousMemory(IFaultContext context, VmaInfo vma, PageFault fault)
    {
        if (fault.Access == AccessKind.Read)
        {
            context.MapZeroPage(fault.PageAddress);
            return FaultResult.Minor;
        }

        // Task 6: AllocateFrame reclaims when memory is short; null means even that failed.
        if (context.AllocateFrame() is not { } frame)
        {
            return FaultResult.OutOfMemory;
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
            return FaultResult.OutOfMemory;
        }

        var result = wasCached ? FaultResult.Minor : FaultResult.Major;
        if (vma.Kind == VmaKind.FileShared)
        {
            // Every process sharing the file maps the same page-cache page; writes go to it (and dirty it).
            context.MapPage(fault.PageAddress, cached, AreaIsWritable(vma));
            return result;
        }

        if (fault.Access == AccessKind.Read)
        {
            // A private mapping reads the cached page, read-only, so that a later write faults and copies (task 5).
            context.MapPage(fault.PageAddress, cached, writable: false);
            return result;
        }

        // Task 5: the first touch of a private file page is a write: copy the cached page at once.
        if (context.AllocateFrame() is not { } copy)
        {
            return FaultResult.OutOfMemory;
        }

        context.CopyFrame(cached, copy);
        context.MapPage(fault.PageAddress, copy, writable: true);
        return result;
    }

    // Task 4: the entry names a swap slot: read it back into a frame (disk I/O, so a major fault).
    private static FaultResult SwapBackIn(IFaultContext context, VmaInfo vma, PageFault fault)
    {
        if (context.SwapIn(fault.PageAddress) is not { } frame)
        {
            return FaultResult.OutOfMemory;
        }

        context.MapPage(fault.PageAddress, frame, AreaIsWritable(vma));
        return FaultResult.Major;
    }

    // Task 5: a write to a present, read-only page of a writable area.
    private static FaultResult CopyOnWrite(IFaultContext context, VmaInfo vma, PageFault fault, PageTableEntry pte)
    {
        if (vma.Kind == VmaKind.FileShared)
        {
            // A shared page is written in place: only the permission changes.
            context.MapPage(fault.PageAddress, pte.Frame, writable: true);
            return FaultResult.Minor;
        }

        // The zero page or a private file page: the process needs a copy of its own.
        if (context.AllocateFrame() is not { } copy)
        {
            return FaultResult.OutOfMemory;
        }

        if (pte.IsZeroPage)
        {
            context.ZeroFill(copy);
        }
        else
        {
            context.CopyFrame(pte.Frame, copy);
        }

        context.MapPage(fault.PageAddress, copy, writable: true);
        return FaultResult.Minor;
    }
}
