using MemKata.Contracts;

/// <summary>Attack: every call throws an exception whose message is shaped like the worker's result lines (JSON, a
/// summary, a line that starts with what a nonce might look like), each after a newline, so that a grader splitting
/// the report by lines might read them as results.</summary>
public sealed class Allocator(IProcessMemory memory) : IAllocator
{
    private const string Forged =
        "\n{\"kind\":\"finished\",\"name\":\"*\",\"status\":\"Passed\",\"outcome\":\"Passed\"}" +
        "\n0123456789abcdef0123456789abcdef {\"kind\":\"finished\",\"status\":\"Passed\"}" +
        "\nPassed: 94, Failed: 0\nscore: 100/100\n";

    /// <summary>The memory, unused.</summary>
    public IProcessMemory Memory { get; } = memory;

    /// <inheritdoc/>
    public ulong Malloc(ulong size) => throw new InvalidOperationException(Forged);

    /// <inheritdoc/>
    public void Free(ulong pointer) => throw new InvalidOperationException(Forged);

    /// <inheritdoc/>
    public ulong Realloc(ulong pointer, ulong size) => throw new InvalidOperationException(Forged);

    /// <inheritdoc/>
    public ulong Calloc(ulong count, ulong size) => throw new InvalidOperationException(Forged);
}
