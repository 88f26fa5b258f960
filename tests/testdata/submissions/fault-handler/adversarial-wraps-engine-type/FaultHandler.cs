extern alias engine;

using MemKata.Contracts.Kernel;

/// <summary>Attack: reach the engine through an extern alias of its own and wrap its reference handler, so that no
/// <c>using MemKata.Engine</c> appears in the file.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    private readonly IPageFaultHandler _inner = new engine::MemKata.Engine.Reference.ReferencePageFaultHandler();

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) => _inner.HandleFault(context, fault);
}
