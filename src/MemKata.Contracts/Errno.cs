namespace MemKata.Contracts;

/// <summary>The Linux <c>errno</c> values the simulated memory system calls can set (numbers as on x86-64 Linux).</summary>
public enum Errno
{
    /// <summary>No error has happened yet.</summary>
    None = 0,

    /// <summary>Out of memory, or no room in the address space.</summary>
    ENOMEM = 12,

    /// <summary>Bad address: no mapping where one was required.</summary>
    EFAULT = 14,

    /// <summary>Invalid argument (a zero length, an unaligned address).</summary>
    EINVAL = 22,
}
