using System.Text;
using MemKata.Contracts.Kernel;

/// <summary>Attack: every fault prints 10 MB without a newline to standard output and to standard error (debug prints
/// are allowed), hoping to exhaust the grader's memory or to push a forged result through; otherwise the stub.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    private static readonly string Chunk = new StringBuilder().Append('y', 1024 * 1024).ToString();

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        for (var i = 0; i < 10; i++)
        {
            Console.Write(Chunk);
            Console.Error.Write(Chunk);
        }

        Console.Write("{\"status\":\"Passed\"}");
        throw new NotImplementedException("Task 1: implement RefuseAccess");
    }
}
