using MemKata.Contracts.Kernel;

/// <summary>Attack: no forbidden API: every fault keeps 64 MiB arrays in a static list until memory runs out, then
/// swallows the OutOfMemoryException (caught as Exception: the type itself is not on the allowlist) and answers a minor fault.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    private static readonly List<long[]> Hog = [];

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        try
        {
            while (true)
            {
                var block = new long[8 * 1024 * 1024];
                Array.Fill(block, 1L);
                Hog.Add(block);
            }
        }
        catch (Exception)
        {
            return FaultResult.Minor;
        }
    }
}
