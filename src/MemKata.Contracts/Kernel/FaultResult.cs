namespace MemKata.Contracts.Kernel;

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
