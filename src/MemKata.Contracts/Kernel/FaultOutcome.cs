namespace MemKata.Contracts.Kernel;

/// <summary>How a page fault ended.</summary>
public enum FaultOutcome
{
    /// <summary>Resolved without disk I/O (zero fill, zero page, page already in the page cache, copy on write).</summary>
    Minor,

    /// <summary>Resolved with disk I/O: the page was read from swap or from its file.</summary>
    Major,

    /// <summary>The access is illegal (no area, or the area forbids it): the process gets SIGSEGV.</summary>
    SegmentationFault,

    /// <summary>No frame could be had even after reclaim and the OOM killer: the faulting process cannot go on.</summary>
    OutOfMemory,
}
