namespace MemKata.Contracts;

/// <summary>
/// The simulated SIGBUS: an access to a page of a file mapping that lies wholly past the end of the file (Linux's
/// <c>filemap_fault</c> answers <c>VM_FAULT_SIGBUS</c>). The mapping exists, so it is not a segmentation fault, but there
/// is nothing in the file to show there. A real process would die here; the simulation stops its program.
/// </summary>
public sealed class BusErrorException : Exception
{
    /// <summary>Creates the fault for an access of <paramref name="address"/>; <paramref name="isWrite"/> says which kind.</summary>
    public BusErrorException(ulong address, bool isWrite, string reason)
        : base($"Bus error: {(isWrite ? "write to" : "read of")} 0x{address:x}: {reason}")
    {
        Address = address;
        IsWrite = isWrite;
        Reason = reason;
    }

    /// <summary>The faulting address.</summary>
    public ulong Address { get; }

    /// <summary>True for a write, false for a read.</summary>
    public bool IsWrite { get; }

    /// <summary>Why the access failed, e.g. "page 9 of 'data.bin' is past the end of the file (2 pages)".</summary>
    public string Reason { get; }
}
