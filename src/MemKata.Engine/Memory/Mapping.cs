using MemKata.Contracts;
using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Memory;

/// <summary>
/// One virtual memory area: the page range [<see cref="Start"/>, <see cref="End"/>) with one protection and kind, like a
/// line of <c>/proc/PID/maps</c>. Both bounds are page-aligned.
/// </summary>
public sealed record Mapping(ulong Start, ulong End, Protection Protection, VmaKind Kind)
{
    /// <summary>Length in bytes.</summary>
    public ulong Length => End - Start;

    /// <summary>For a file mapping, the name of the mapped file; null for anonymous memory.</summary>
    public string? FileName { get; init; }

    /// <summary>For a file mapping, the file offset that <see cref="Start"/> shows.</summary>
    public ulong FileOffset { get; init; }

    /// <summary>For a file mapping, the file offset that <paramref name="address"/> shows (0 for anonymous memory).</summary>
    public ulong FileOffsetAt(ulong address) => FileName is null ? 0 : FileOffset + (address - Start);

    /// <summary>True if <paramref name="address"/> lies inside.</summary>
    public bool Contains(ulong address) => address >= Start && address < End;
}
