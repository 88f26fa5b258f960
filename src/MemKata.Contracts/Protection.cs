namespace MemKata.Contracts;

/// <summary>Page protections, as <c>PROT_*</c> flags of <c>mmap</c> and <c>mprotect</c>.</summary>
[Flags]
public enum Protection
{
    /// <summary><c>PROT_NONE</c>: any access faults.</summary>
    None = 0,

    /// <summary><c>PROT_READ</c>.</summary>
    Read = 1,

    /// <summary><c>PROT_WRITE</c>.</summary>
    Write = 2,

    /// <summary><c>PROT_EXEC</c>.</summary>
    Execute = 4,

    /// <summary><c>PROT_READ | PROT_WRITE</c>: what malloc's memory is.</summary>
    ReadWrite = Read | Write,
}
