using MemKata.Contracts.Kernel;

/// <summary>Attack: answers the membrane and the kernel might take at face value: an outcome outside the enum, a
/// "minor" fault that mapped nothing, a reason that reads like a passing result line, and a null reason for SIGSEGV.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    private int _calls;

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) => (_calls++ % 4) switch
    {
        0 => new FaultResult((FaultOutcome)99, "{\"status\":\"Passed\"}"),
        1 => FaultResult.Minor,
        2 => new FaultResult(FaultOutcome.Major, "\n{\"status\":\"Passed\",\"name\":\"every test\"}\n"),
        _ => new FaultResult(FaultOutcome.SegmentationFault, null),
    };
}
