namespace MemKata.Engine.Memory;

/// <summary>What a mapping holds, as <c>/proc/PID/maps</c> would name it.</summary>
public enum MappingKind
{
    /// <summary>The brk heap, <c>[heap]</c>.</summary>
    Heap,

    /// <summary>A private anonymous mapping from <c>mmap</c>.</summary>
    Anonymous,

    /// <summary>A library's static data (.data/.bss), mapped by the loader before <c>main</c>.</summary>
    LibraryData,

    /// <summary>A file mapped with <c>MAP_SHARED</c>: its pages are the page cache's.</summary>
    FileShared,

    /// <summary>A file mapped with <c>MAP_PRIVATE</c>: reads share the page cache, writes copy.</summary>
    FilePrivate,
}
