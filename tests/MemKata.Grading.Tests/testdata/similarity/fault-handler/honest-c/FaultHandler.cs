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
    private static FaultResult RefuseAccess(VmaInfo? vma, PageFault fault) =>
        FaultResult.SegmentationFault(vma switch
        {
            null => "SIGSEGV: nothing is mapped there",
            _ when fault.Access == AccessKind.Write => "SIGSEGV: write to a mapping without PROT_WRITE",
            _ => "SIGSEGV: read from a mapping without PROT_READ",
        });

    // Task 2: the first touch of a page of an anonymous area (heap, anonymous mapping, library data): entry None.
    private static FaultResult FirstTouchOfAnonymousMemory(IFaultContext context, VmaInfo vma, PageFault fault)
    {
        if (fault.Access != AccessKind.Write)
        {
            context.MapZeroPage(fault.PageAddress);
        }
        else
        {
            FrameNumber? newFrame = context.AllocateFrame();
            if (!newFrame.HasValue)
            {
                return NoFrameLeft();
            }

            context.ZeroFill(newFrame.Value);
            context.MapPage(fault.PageAddress, newFrame.Value, true);
        }

        return FaultResult.Minor;
    }

    // Task 3: the first touch of a page of a file area (entry None), except a write to a private one (task 5).
    private static FaultResult FilePage(IFaultContext context, VmaInfo vma, PageFault fault)
    {
        ulong offset = vma.FileOffsetOf(fault.PageAddress);
        FrameNumber? pageCacheFrame = context.ReadFilePage(vma.FileName!, offset, out bool alreadyInCache);
        if (!pageCacheFrame.HasValue)
        {
            return NoFrameLeft();
        }

        bool shared = vma.Kind == VmaKind.FileShared;
        context.MapPage(fault.PageAddress, pageCacheFrame.Value, shared && vma.Allows(AccessKind.Write));
        return alreadyInCache ? FaultResult.Minor : FaultResult.Major;
    }

    // Task 4: the entry is a swap entry: the page was swapped out.
    private static FaultResult SwapBackIn(IFaultContext context, VmaInfo vma, PageFault fault)
    {
        FrameNumber? restored = context.SwapIn(fault.PageAddress);
        if (!restored.HasValue)
        {
            return NoFrameLeft();
        }

        bool canWrite = vma.Allows(AccessKind.Write);
        context.MapPage(fault.PageAddress, restored.Value, canWrite);
        return FaultResult.Major;
    }

    // Task 5: a write to a present read-only page (the zero page, a private or a shared file page), or the first touch
    // of a private file page being a write (entry None).
    private static FaultResult CopyOnWrite(IFaultContext context, VmaInfo vma, PageFault fault, PageTableEntry pte)
    {
        bool present = pte.State == PteState.Present;
        if (present && vma.Kind == VmaKind.FileShared)
        {
            // Shared mapping: the page cache page itself becomes writable.
            context.MapPage(fault.PageAddress, pte.Frame, true);
            return FaultResult.Minor;
        }

        // My copy first, then what to copy into it.
        FrameNumber? privateCopy = context.AllocateFrame();
        if (!privateCopy.HasValue)
        {
            return NoFrameLeft();
        }

        if (present)
        {
            if (pte.IsZeroPage)
            {
                context.ZeroFill(privateCopy.Value);
            }
            else
            {
                context.CopyFrame(pte.Frame, privateCopy.Value);
            }

            context.MapPage(fault.PageAddress, privateCopy.Value, true);
            return FaultResult.Minor;
        }

        FrameNumber? original = context.ReadFilePage(vma.FileName!, vma.FileOffsetOf(fault.PageAddress), out bool alreadyInCache);
        if (!original.HasValue)
        {
            return NoFrameLeft();
        }

        context.CopyFrame(original.Value, privateCopy.Value);
        context.MapPage(fault.PageAddress, privateCopy.Value, true);
        return alreadyInCache ? FaultResult.Minor : FaultResult.Major;
    }

    // Task 6: AllocateFrame, ReadFilePage or SwapIn answered null: reclaim and the OOM killer found no frame.
    private static FaultResult NoFrameLeft()
    {
        return FaultResult.OutOfMemory;
    }
}
