namespace MemKata.Reports.Html.Recording;

/// <summary>What a frame of RAM holds, as the report colours it.</summary>
public enum FrameKind : byte
{
    /// <summary>On the free list.</summary>
    Free,

    /// <summary>A process's anonymous page (heap, mmapped blocks, library data).</summary>
    Anonymous,

    /// <summary>A file page in the page cache, the same as on disk.</summary>
    FileClean,

    /// <summary>A file page in the page cache, newer than the disk (to be written back).</summary>
    FileDirty,

    /// <summary>Taken from the free list inside a fault, not yet mapped.</summary>
    Taken,
}
