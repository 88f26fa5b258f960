namespace MemKata.Contracts.Kernel;

/// <summary>
/// One virtual memory area of the faulting process: the page range [<see cref="Start"/>, <see cref="End"/>), its
/// protection and what backs it.
/// </summary>
/// <param name="Start">First address (page-aligned).</param>
/// <param name="End">First address past the area (page-aligned).</param>
/// <param name="Protection">What accesses the area allows.</param>
/// <param name="Kind">What backs the area.</param>
/// <param name="FileName">For a file mapping, the file's name; otherwise null.</param>
/// <param name="FileOffset">For a file mapping, the offset in the file that <see cref="Start"/> shows; otherwise 0.</param>
public sealed record VmaInfo(ulong Start, ulong End, Protection Protection, VmaKind Kind, string? FileName, ulong FileOffset)
{
    /// <summary>True for areas whose pages start as zeros (heap, anonymous, library data).</summary>
    public bool IsAnonymous => Kind is VmaKind.Heap or VmaKind.Anonymous or VmaKind.LibraryData;

    /// <summary>True if <paramref name="address"/> lies inside the area.</summary>
    public bool Contains(ulong address) => address >= Start && address < End;

    /// <summary>True if the area's protection allows <paramref name="access"/>.</summary>
    public bool Allows(AccessKind access) =>
        (Protection & (access == AccessKind.Write ? Protection.Write : Protection.Read)) != 0;

    /// <summary>For a file mapping, the byte offset in the file that <paramref name="address"/> shows.</summary>
    public ulong FileOffsetOf(ulong address) => FileOffset + (address - Start);
}
