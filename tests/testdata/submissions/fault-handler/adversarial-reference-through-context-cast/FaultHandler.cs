using MemKata.Contracts.Kernel;

/// <summary>Attack: no forbidden API at all. The context the kernel hands over is an engine object: if it is also a
/// handler or a reclaim policy (an engine class implementing several contracts), use the engine's own code. Otherwise
/// it claims a minor fault and maps nothing.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        if (context is IPageFaultHandler engine)
        {
            return engine.HandleFault(context, fault);
        }

        if (context is IReclaimPolicy policy)
        {
            policy.ChooseOomVictim([], 0);
        }

        return FaultResult.Minor;
    }
}
