using MemKata.Contracts.Kernel;

/// <summary>Attack: every fault throws an exception whose Message and ToString throw in turn (one of them a
/// NotImplementedException, hoping to read as "not attempted" or to crash whoever describes the failure), and whose
/// inner exception is another such exception.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) =>
        throw new Treacherous(new Treacherous(null));

    private sealed class Treacherous(Exception? inner) : InvalidOperationException("ok", inner)
    {
        public override string Message => throw new NotImplementedException("Task 1: passed");

        public override string ToString() => throw new Treacherous(null);
    }
}
