using System.Text;
using MemKata.Contracts.Kernel;

/// <summary>Attack: every fault throws an exception whose message is 10 MB on one line (no newline), ending in text
/// shaped like a passing result.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    private static readonly string Huge = new StringBuilder().Append('x', 10 * 1024 * 1024)
        .Append("\"status\":\"Passed\"").ToString();

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault) => throw new InvalidOperationException(Huge);
}
