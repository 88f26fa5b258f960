namespace MemKata.Engine.Memory;

/// <summary>
/// The kernel's overcommit accounting as the system calls see it (Linux's <c>security_vm_enough_memory_mm</c> and
/// <c>vm_unacct_memory</c>): every growth of private writable memory (brk, anonymous mmap, mremap growing) asks to
/// commit its pages first and fails with ENOMEM when refused; unmapping or shrinking gives them back.
/// </summary>
public interface ICommitAccounting
{
    /// <summary>Asks to commit <paramref name="pages"/> more pages for a process whose address space already spans
    /// <paramref name="totalVmPages"/> pages. Returns null when committed, else why the overcommit policy refused
    /// (and nothing is committed).</summary>
    string? TryCommit(ulong pages, ulong totalVmPages);

    /// <summary>Gives back <paramref name="pages"/> committed pages (they were unmapped).</summary>
    void Uncommit(ulong pages);
}
