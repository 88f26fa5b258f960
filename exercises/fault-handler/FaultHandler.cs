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
        throw new NotImplementedException(
            "Task 1: implement RefuseAccess: an access where there is no area, or one its area does not allow, must end " +
            "in SIGSEGV, with memory left as it was. See .docs/instructions.md, task 1 (.docs/hints.md if stuck).");

    // Task 2: the first touch of a page of an anonymous area (heap, anonymous mapping, library data): entry None.
    private static FaultResult FirstTouchOfAnonymousMemory(IFaultContext context, VmaInfo vma, PageFault fault) =>
        throw new NotImplementedException(
            "Task 2: implement FirstTouchOfAnonymousMemory: anonymous memory reads as zeros the first time, and reading it " +
            "must not cost RAM. See .docs/instructions.md, task 2 (.docs/hints.md if stuck).");

    // Task 3: the first touch of a page of a file area (entry None), except a write to a private one (task 5).
    private static FaultResult FilePage(IFaultContext context, VmaInfo vma, PageFault fault) =>
        throw new NotImplementedException(
            "Task 3: implement FilePage: a file's page is the page cache's, shared by every process that maps it, and the " +
            "fault is major only when the page had to be read. See .docs/instructions.md, task 3 (.docs/hints.md if stuck).");

    // Task 4: the entry is a swap entry: the page was swapped out.
    private static FaultResult SwapBackIn(IFaultContext context, VmaInfo vma, PageFault fault) =>
        throw new NotImplementedException(
            "Task 4: implement SwapBackIn: a page that went out to swap comes back with its contents, as the process left " +
            "it. See .docs/instructions.md, task 4 (.docs/hints.md if stuck).");

    // Task 5: a write to a present read-only page (the zero page, a private or a shared file page), or the first touch
    // of a private file page being a write (entry None).
    private static FaultResult CopyOnWrite(IFaultContext context, VmaInfo vma, PageFault fault, PageTableEntry pte) =>
        throw new NotImplementedException(
            "Task 5: implement CopyOnWrite: a write must never change what another mapping sees, unless the area is shared. " +
            "See .docs/instructions.md, task 5 (.docs/hints.md if stuck).");

    // Task 6: AllocateFrame, ReadFilePage or SwapIn answered null: reclaim and the OOM killer found no frame.
    private static FaultResult NoFrameLeft() =>
        throw new NotImplementedException(
            "Task 6: implement NoFrameLeft: when no frame can be had, the process is killed cleanly, with nothing " +
            "half-mapped. See .docs/instructions.md, task 6 (.docs/hints.md if stuck).");
}
