namespace MemKata.Contracts.Kernel;

/// <summary>One page fault as the CPU reports it to the kernel: who faulted, where, doing what.</summary>
/// <param name="Pid">The faulting process.</param>
/// <param name="Address">The exact faulting address.</param>
/// <param name="PageAddress">The faulting address rounded down to its page.</param>
/// <param name="Access">Read or write.</param>
public readonly record struct PageFault(int Pid, ulong Address, ulong PageAddress, AccessKind Access);

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

/// <summary>What an <see cref="IPageFaultHandler"/> answers: the outcome and, for SIGSEGV, why.</summary>
/// <param name="Outcome">How the fault ended.</param>
/// <param name="Reason">For <see cref="FaultOutcome.SegmentationFault"/>, a short reason (e.g. "no mapping"); else null.</param>
public readonly record struct FaultResult(FaultOutcome Outcome, string? Reason)
{
    /// <summary>A minor fault: the page is now mapped.</summary>
    public static FaultResult Minor => new(FaultOutcome.Minor, null);

    /// <summary>A major fault: the page is now mapped, after I/O.</summary>
    public static FaultResult Major => new(FaultOutcome.Major, null);

    /// <summary>No frame could be found: the process is out of memory.</summary>
    public static FaultResult OutOfMemory => new(FaultOutcome.OutOfMemory, "out of memory");

    /// <summary>An illegal access, with the reason the learner will read.</summary>
    public static FaultResult SegmentationFault(string reason) => new(FaultOutcome.SegmentationFault, reason);
}
