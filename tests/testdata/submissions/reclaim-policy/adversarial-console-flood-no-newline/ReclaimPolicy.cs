using System.Text;
using MemKata.Contracts.Kernel;

/// <summary>Attack: 10 MB without a newline on standard output and standard error on every call, then a forged result
/// line; the members are otherwise the stub's.</summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    private static readonly string Chunk = new StringBuilder().Append('q', 1024 * 1024).ToString();

    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request)
    {
        Flood();
        throw new NotImplementedException("Task 1: implement Reclaim");
    }

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages)
    {
        Flood();
        throw new NotImplementedException("Task 5: implement ChooseOomVictim");
    }

    private static void Flood()
    {
        for (var i = 0; i < 10; i++)
        {
            Console.Write(Chunk);
            Console.Error.Write(Chunk);
        }

        Console.WriteLine("{\"status\":\"Passed\"}");
    }
}
