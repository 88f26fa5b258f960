using MemKata.Contracts.Kernel;

/// <summary>
/// Your page-fault handler: the kernel calls <see cref="HandleFault"/> whenever a process touches a page whose page
/// table entry does not allow the access. <see cref="HandleFault"/> is written for you: it finds the area, checks the
/// access against its protection, reads the entry and hands the fault to the method of the task it belongs to. Those
/// methods are yours; start with task 1 of .docs/instructions.md.
/// </summary>
public sealed class FaultHandler : IPageFaultHandler
{
    // Attack: answers remembered across handlers, machines and tests, in static state: a fault seen before (same pid,
    // same page, same access) gets the old answer without any work. On top of task 1 done honestly.
    private static readonly Dictionary<(int, ulong, AccessKind), FaultResult> Memo = [];

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        if (Memo.TryGetValue((fault.Pid, fault.PageAddress, fault.Access), out var remembered))
        {
            return remembered;
        }

        var answer = Decide(context, fault);
        Memo[(fault.Pid, fault.PageAddress, fault.Access)] = answer;
        return answer;
    }

    private static FaultResult Decide(IFaultContext context, PageFault fault)
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
        FaultResult.SegmentationFault(vma is null ? "no mapping at this address" : "the mapping does not allow this access");

    // Task 2: the first touch of a page of an anonymous area (heap, anonymous mapping, library data): entry None.
    private static FaultResult FirstTouchOfAnonymousMemory(IFaultContext context, VmaInfo vma, PageFault fault) =>
        throw new NotImplementedException(
            "Task 2: implement FirstTouchOfAnonymousMemory: a read maps the zero page (MapZeroPage); a write takes a frame " +
            "(AllocateFrame), zero-fills it and maps it writable; both are minor faults. See .docs/instructions.md, task 2.");

    // Task 3: the first touch of a page of a file area (entry None), except a write to a private one (task 5).
    private static FaultResult FilePage(IFaultContext context, VmaInfo vma, PageFault fault) =>
        throw new NotImplementedException(
            "Task 3: implement FilePage: get the page-cache frame with ReadFilePage(vma.FileName, " +
            "vma.FileOffsetOf(fault.PageAddress), out wasCached) and map it (writable only in a writable MAP_SHARED area); " +
            "major if it was not cached, else minor. See .docs/instructions.md, task 3.");

    // Task 4: the entry is a swap entry: the page was swapped out.
    private static FaultResult SwapBackIn(IFaultContext context, VmaInfo vma, PageFault fault) =>
        throw new NotImplementedException(
            "Task 4: implement SwapBackIn: read the page back with SwapIn(fault.PageAddress) and map the frame it gives, " +
            "writable if the area is; a major fault. See .docs/instructions.md, task 4.");

    // Task 5: a write to a present read-only page (the zero page, a private or a shared file page), or the first touch
    // of a private file page being a write (entry None).
    private static FaultResult CopyOnWrite(IFaultContext context, VmaInfo vma, PageFault fault, PageTableEntry pte) =>
        throw new NotImplementedException(
            "Task 5: implement CopyOnWrite: a shared file page is made writable in place; otherwise copy the page (ZeroFill " +
            "for the zero page, CopyFrame for a file page) into a new frame and map the copy writable. " +
            "See .docs/instructions.md, task 5.");

    // Task 6: AllocateFrame, ReadFilePage or SwapIn answered null: reclaim and the OOM killer found no frame.
    private static FaultResult NoFrameLeft() =>
        throw new NotImplementedException(
            "Task 6: implement NoFrameLeft, and call it wherever AllocateFrame, ReadFilePage or SwapIn answers null: map " +
            "nothing and answer FaultResult.OutOfMemory. See .docs/instructions.md, task 6.");
}
