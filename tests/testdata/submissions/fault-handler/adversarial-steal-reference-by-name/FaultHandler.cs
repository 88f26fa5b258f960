using MemKata.Contracts.Kernel;
using MemKata.Engine.Reference;

/// <summary>Attack: delegate every fault to the engine's reference handler, named in source (the engine is in the
/// worker's folder at run time).</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    private readonly ReferencePageFaultHandler _reference = new();

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) => _reference.HandleFault(context, fault);
}
