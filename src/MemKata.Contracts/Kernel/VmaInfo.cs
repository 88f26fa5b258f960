namespace MemKata.Contracts.Kernel;

/// <summary>Which kind of access a program made: it decides what a fault must provide.</summary>
public enum AccessKind
{
    /// <summary>A load: the page must be present and readable.</summary>
    Read,

    /// <summary>A store: the page must be present and writable (and is marked dirty).</summary>
    Write,
}

/// <summary>What a virtual memory area holds, as <c>/proc/PID/maps</c> would tell.</summary>
public enum VmaKind
{
    /// <summary>The brk heap: anonymous memory, zero-filled on first touch.</summary>
    Heap,

    /// <summary>A private anonymous mapping (<c>MAP_PRIVATE | MAP_ANONYMOUS</c>): zero-filled on first touch.</summary>
    Anonymous,

    /// <summary>A library's static data: anonymous, zero-filled on first touch.</summary>
    LibraryData,

    /// <summary>A file mapped <c>MAP_SHARED</c>: its pages are the page cache's pages; writes dirty them.</summary>
    FileShared,

    /// <summary>A file mapped <c>MAP_PRIVATE</c>: reads see the page cache's page; the first write copies it into a
    /// private anonymous page (copy on write).</summary>
    FilePrivate,
}

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
