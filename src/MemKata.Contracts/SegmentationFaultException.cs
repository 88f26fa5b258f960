namespace MemKata.Contracts;

/// <summary>
/// The simulated SIGSEGV: a read or write touched an address that no mapping covers, or that the mapping's protection
/// forbids. A real process would die here; the simulation stops the program and reports where.
/// </summary>
public sealed class SegmentationFaultException : Exception
{
    /// <summary>Creates the fault for an access of <paramref name="address"/>; <paramref name="isWrite"/> says which kind.</summary>
    public SegmentationFaultException(ulong address, bool isWrite, string reason)
        : base($"Segmentation fault: {(isWrite ? "write to" : "read of")} 0x{address:x}: {reason}")
    {
        Address = address;
        IsWrite = isWrite;
        Reason = reason;
    }

    /// <summary>The faulting address.</summary>
    public ulong Address { get; }

    /// <summary>True for a write, false for a read.</summary>
    public bool IsWrite { get; }

    /// <summary>Why the access faulted, e.g. "no mapping" or "mapping is read-only".</summary>
    public string Reason { get; }
}
