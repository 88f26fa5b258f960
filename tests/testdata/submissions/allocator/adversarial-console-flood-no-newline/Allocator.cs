using System.Text;
using MemKata.Contracts;

/// <summary>Attack: 10 MB without a newline on standard output and standard error on every call (debug prints are
/// allowed), then a forged result line; the members are otherwise the stub's.</summary>
public sealed class Allocator(IProcessMemory memory) : IAllocator
{
    private static readonly string Chunk = new StringBuilder().Append('m', 1024 * 1024).ToString();

    /// <summary>The memory, unused.</summary>
    public IProcessMemory Memory { get; } = memory;

    /// <inheritdoc/>
    public ulong Malloc(ulong size) => Flood<ulong>("Task 1: implement Malloc");

    /// <inheritdoc/>
    public void Free(ulong pointer) => Flood<int>("Task 3: implement Free");

    /// <inheritdoc/>
    public ulong Realloc(ulong pointer, ulong size) => Flood<ulong>("Task 5: implement Realloc");

    /// <inheritdoc/>
    public ulong Calloc(ulong count, ulong size) => Flood<ulong>("Task 5: implement Calloc");

    private static T Flood<T>(string task)
    {
        for (var i = 0; i < 10; i++)
        {
            Console.Write(Chunk);
            Console.Error.Write(Chunk);
        }

        Console.Write("{\"status\":\"Passed\"}");
        throw new NotImplementedException(task);
    }
}
