namespace MemKata.Engine.Kernel;

/// <summary>
/// The end of a process (Linux's <c>exit_mmap</c> as <c>do_exit</c> and the OOM reaper run it): every page-table entry
/// is cleared (anonymous frames and swap slots freed, file pages unmapped but left cached), its commitments are given
/// back and its TLB flushed. Exiting and being killed end the same way; only the reason differs.
/// </summary>
internal sealed class ProcessReaper(PageMapper mapper, CommitAccounting accounting)
{
    /// <summary>Marks <paramref name="process"/> dead for <paramref name="reason"/> (null: a normal exit) and frees its
    /// memory.</summary>
    public void Terminate(SimProcess process, string? reason)
    {
        process.IsAlive = false;
        process.KillReason = reason;
        foreach (var page in process.PageTable.Pages)
        {
            mapper.ClearEntry(process, page);
        }

        accounting.Uncommit(process.CommittedPages);
        process.CommittedPages = 0;
        process.Memory.Mmu.FlushTlb();
    }
}
