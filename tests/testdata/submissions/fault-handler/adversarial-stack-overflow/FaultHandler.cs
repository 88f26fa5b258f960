using MemKata.Contracts.Kernel;

/// <summary>Attack: no forbidden API: every fault recurses until the stack overflows, which no catch can handle and
/// which ends the test process.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) =>
        HandleFault(context, fault with { Address = fault.Address + 1 });
}
