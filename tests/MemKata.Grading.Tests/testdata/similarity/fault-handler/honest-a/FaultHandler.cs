using MemKata.Contracts.Kernel;

/// <summary>
/// Your page-fault handler: the kernel calls <see cref="HandleFault"/> whenever a process touches a page whose page
/// table entry does not allow the access. <see cref="HandleFault"/> is written for you: it finds the area, checks the
/// access against its protection, reads the entry and hands the fault to the method of the task it belongs to. Those
/// methods are yours; start with task 1 of .docs/instructions.md.
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

    // Task 1: there is no area at the address (vma is null), or the area's protection forbids the access.
    private static FaultResult RefuseAccess(VmaInfo? vma, PageFault fault)
    {
        if (vma is null)
        {
            return FaultResult.SegmentationFault($"no mapping at 0x{fault.Address:x}");
        }

        var what = fault.Access == AccessKind.Write ? "writing" : "reading";
        return FaultResult.SegmentationFault($"the mapping at 0x{vma.Start:x} does not allow {what}");
    }

    // Task 2: the first touch of a page of an anonymous area (heap, anonymous mapping, library data): entry None.
    private static FaultResult FirstTouchOfAnonymousMemory(IFaultContext context, VmaInfo vma, PageFault fault)
    {
        if (fault.Access == AccessKind.Read)
        {
            context.MapZeroPage(fault.PageAddress);
            return FaultResult.Minor;
        }

        var fresh = context.AllocateFrame();
        if (fresh is null)
        {
            return NoFrameLeft();
        }

        context.ZeroFill(fresh.Value);
        context.MapPage(fault.PageAddress, fresh.Value, writable: true);
        return FaultResult.Minor;
    }

    // Task 3: the first touch of a page of a file area (entry None), except a write to a private one (task 5).
    private static FaultResult FilePage(IFaultContext context, VmaInfo vma, PageFault fault)
    {
        var cached = context.ReadFilePage(vma.FileName!, vma.FileOffsetOf(fault.PageAddress), out var hit);
        if (cached is null)
        {
            return NoFrameLeft();
        }

        var canWrite = vma.Kind == VmaKind.FileShared && vma.Allows(AccessKind.Write);
        context.MapPage(fault.PageAddress, cached.Value, canWrite);
        return hit ? FaultResult.Minor : FaultResult.Major;
    }

    // Task 4: the entry is a swap entry: the page was swapped out.
    private static FaultResult SwapBackIn(IFaultContext context, VmaInfo vma, PageFault fault)
    {
        var back = context.SwapIn(fault.PageAddress);
        if (back is null)
        {
            return NoFrameLeft();
        }

        context.MapPage(fault.PageAddress, back.Value, vma.Allows(AccessKind.Write));
        return FaultResult.Major;
    }

    // Task 5: a write to a present read-only page (the zero page, a private or a shared file page), or the first touch
    // of a private file page being a write (entry None).
    private static FaultResult CopyOnWrite(IFaultContext context, VmaInfo vma, PageFault fault, PageTableEntry pte)
    {
        if (pte.IsPresent && vma.Kind == VmaKind.FileShared)
        {
            context.MapPage(fault.PageAddress, pte.Frame, writable: true);
            return FaultResult.Minor;
        }

        var answer = FaultResult.Minor;
        FrameNumber original;
        if (pte.IsPresent)
        {
            original = pte.Frame;
        }
        else
        {
            var fromCache = context.ReadFilePage(vma.FileName!, vma.FileOffsetOf(fault.PageAddress), out var hit);
            if (fromCache is null)
            {
                return NoFrameLeft();
            }

            original = fromCache.Value;
            answer = hit ? FaultResult.Minor : FaultResult.Major;
        }

        var mine = context.AllocateFrame();
        if (mine is null)
        {
            return NoFrameLeft();
        }

        if (pte.IsPresent && pte.IsZeroPage)
        {
            context.ZeroFill(mine.Value);
        }
        else
        {
            context.CopyFrame(original, mine.Value);
        }

        context.MapPage(fault.PageAddress, mine.Value, writable: true);
        return answer;
    }

    // Task 6: AllocateFrame, ReadFilePage or SwapIn answered null: reclaim and the OOM killer found no frame.
    private static FaultResult NoFrameLeft() => FaultResult.OutOfMemory;
}
