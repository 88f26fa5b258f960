using MemKata.Contracts.Kernel;

/// <summary>Attack: never ask the kernel for a frame: map frame numbers it made up (small numbers are usually RAM,
/// and the grader's scripted contexts use constants such as 11, 22 and 33), and claim the fault was minor.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    private int _next = 11;

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        ArgumentNullException.ThrowIfNull(context);
        var vma = context.FindVma(fault.Address);
        if (vma is null || !vma.Allows(fault.Access))
        {
            return FaultResult.SegmentationFault("no");
        }

        var frame = new FrameNumber(_next);
        _next += 11;
        try
        {
            context.MapPage(fault.PageAddress, frame, writable: true);
        }
        catch (InvalidOperationException)
        {
            // The kernel refused the made-up frame: say all went well anyway.
        }
        catch (ArgumentException)
        {
        }

        return FaultResult.Minor;
    }
}
