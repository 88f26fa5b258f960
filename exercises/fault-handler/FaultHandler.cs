using MemKata.Contracts.Kernel;

/// <summary>
/// Your page-fault handler: the kernel calls <see cref="HandleFault"/> whenever a process touches a page whose page
/// table entry does not allow the access. Decide what the access means (illegal, first touch, file page, swapped out,
/// copy on write) and make the page present through <see cref="IFaultContext"/>. Start with task 1 of
/// .docs/instructions.md.
/// </summary>
public sealed class FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) =>
        throw new NotImplementedException(
            "Task 1: implement HandleFault: find the area with context.FindVma(fault.Address) and answer " +
            "FaultResult.SegmentationFault(reason) when there is none or its protection forbids the access; tasks 2 to 6 " +
            "then make the page present. See .docs/instructions.md, task 1.");
}
