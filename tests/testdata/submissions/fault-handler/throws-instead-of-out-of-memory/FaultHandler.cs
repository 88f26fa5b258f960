using MemKata.Contracts;
using MemKata.Contracts.Kernel;

/// <summary>
/// The reference page-fault handler of the exercise, written with <c>MemKata.Contracts</c> only and shaped as the stub
/// is: the given <see cref="HandleFault"/> dispatches, one method per task decides. It follows Linux's
/// <c>handle_mm_fault</c> (mm/memory.c): <c>do_anonymous_page</c>, <c>do_read_fault</c>, <c>do_cow_fault</c>,
/// <c>do_shared_fault</c>, <c>do_swap_page</c> and <c>do_wp_page</c>, for the cases the simulation has.
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
        if (fault.Access == AccessKind.Read)
        {
            context.MapZeroPage(fault.PageAddress);
            return FaultResult.Minor;
        }

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
        context.MapPage(fault.PageAddress, cached, vma.Kind == VmaKind.FileShared && AreaIsWritable(vma));
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

    // Task 5: a write to a present read-only page of a writable area (do_wp_page), or a first touch of a private file
    // page that is a write (do_cow_fault).
    private static FaultResult CopyOnWrite(IFaultContext context, VmaInfo vma, PageFault fault, PageTableEntry pte)
    {
        if (pte.State == PteState.Present && vma.Kind == VmaKind.FileShared)
        {
            // A shared page is written in place: only the permission changes.
            context.MapPage(fault.PageAddress, pte.Frame, writable: true);
            return FaultResult.Minor;
        }

        // The source of the copy: the page mapped now, or (first touch) the page-cache page, read from the file on a
        // miss, which makes the fault major.
        var result = FaultResult.Minor;
        var source = pte.Frame;
        if (pte.State != PteState.Present)
        {
            if (context.ReadFilePage(vma.FileName!, vma.FileOffsetOf(fault.PageAddress), out var wasCached) is not { } cached)
            {
                return NoFrameLeft();
            }

            source = cached;
            result = wasCached ? FaultResult.Minor : FaultResult.Major;
        }

        if (context.AllocateFrame() is not { } copy)
        {
            return NoFrameLeft();
        }

        if (pte.IsZeroPage)
        {
            context.ZeroFill(copy);
        }
        else
        {
            context.CopyFrame(source, copy);
        }

        context.MapPage(fault.PageAddress, copy, writable: true);
        return result;
    }

    // Task 6: reclaim and the OOM killer already ran inside the call that answered null: map nothing, give up.
    // The mistake: no frame left, so "kill the process" by throwing the kernel's own SIGKILL, instead of answering
    // FaultResult.OutOfMemory and letting the kernel kill it.
    private static FaultResult NoFrameLeft() => throw new ProcessKilledException(0, "out of memory");
}
