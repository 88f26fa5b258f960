using MemKata.Contracts.Kernel;

/// <summary>Attack: a do-nothing handler whose every answer is one of the contract's legal outcomes: out of memory.
/// Task 6's tests expect exactly this answer when no frame is left.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) => FaultResult.OutOfMemory;
}
