namespace MemKata.Contracts.Kernel;

/// <summary>One process the OOM killer may kill, with the numbers Linux's <c>oom_badness</c> reads (and, for the task
/// table the kernel prints, its virtual size and how its resident pages split between anonymous and file memory).</summary>
/// <param name="Pid">The process id.</param>
/// <param name="Name">The command name.</param>
/// <param name="ResidentPages">Pages in RAM (anonymous and file): its RSS in pages.</param>
/// <param name="SwapEntries">Pages it has in swap.</param>
/// <param name="PageTablePages">Pages its page tables take.</param>
/// <param name="OomScoreAdj">Its <c>/proc/PID/oom_score_adj</c>, from -1000 (never kill) to 1000.</param>
public readonly record struct OomCandidate(int Pid, string Name, long ResidentPages, long SwapEntries, long PageTablePages, int OomScoreAdj)
{
    /// <summary>Its virtual size in pages (<c>total_vm</c>): a column of the kernel's task table, not part of the
    /// badness.</summary>
    public long TotalVmPages { get; init; }

    /// <summary>Its anonymous pages in RAM (<c>rss_anon</c>), part of <see cref="ResidentPages"/>.</summary>
    public long AnonPages { get; init; }

    /// <summary>Its file pages in RAM (<c>rss_file</c>), part of <see cref="ResidentPages"/>.</summary>
    public long FilePages { get; init; }
}
