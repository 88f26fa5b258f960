using MemKata.Contracts.Kernel;

/// <summary>Attack: no forbidden API: every fault spins forever, hoping a time limit counts as a pass or stops the
/// grader.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        var spins = 0UL;
        while (fault.Address != ulong.MaxValue || spins != ulong.MaxValue)
        {
            spins++;
        }

        return FaultResult.Minor;
    }
}
