using MemKata.Contracts.Kernel;

/// <summary>Attack: a do-nothing handler that refuses every access. Task 1's tests expect SIGSEGV; every legal access
/// should fail.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) => FaultResult.SegmentationFault("refused");
}
