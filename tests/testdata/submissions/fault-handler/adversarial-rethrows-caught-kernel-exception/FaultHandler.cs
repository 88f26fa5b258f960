using MemKata.Contracts.Kernel;

/// <summary>Attack: provoke the kernel (an unaligned MapPage), catch what it throws, keep it in a static field, and in
/// every later fault swallow it or throw it again: bare, nested as the inner exception of another, and as the inner
/// exception of the contract's own SegmentationFaultException, hoping one of them reads as the kernel's own verdict.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    private static Exception? _kept;
    private static int _calls;

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            context.MapZeroPage(fault.Address | 1);
        }
        catch (Exception e)
        {
            _kept ??= e;
        }

        if (_kept is null)
        {
            return FaultResult.Minor;
        }

        switch (_calls++ % 3)
        {
            case 0:
                throw _kept;
            case 1:
                throw new InvalidOperationException("the kernel said so", _kept);
            default:
                throw new MemKata.Contracts.SegmentationFaultException(fault.Address, false, "kernel: " + _kept.Message);
        }
    }
}
