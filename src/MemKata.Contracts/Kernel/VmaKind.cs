namespace MemKata.Contracts.Kernel;

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
