using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// One process as the OOM killer saw it at one invocation: exactly what the reclaim policy was given
/// (<see cref="Candidate"/>), the other columns Linux's <c>dump_tasks</c> prints for it, and the two numbers the
/// kernel derives from them. Taken before the victim was killed, so a victim's figures are those it was chosen with.
/// </summary>
/// <param name="Candidate">The record passed to <see cref="IReclaimPolicy.ChooseOomVictim"/>: pid, name, RSS, swap
/// entries, page-table pages and oom_score_adj.</param>
/// <param name="TotalVmPages">Its virtual size in pages (<c>total_vm</c>).</param>
/// <param name="AnonPages">Its anonymous pages in RAM (<c>rss_anon</c>).</param>
/// <param name="FilePages">Its file pages in RAM (<c>rss_file</c>).</param>
/// <param name="Points">Its <c>oom_badness</c> points (<see cref="OomKiller.Badness"/>); null for an exempt process
/// (oom_score_adj -1000).</param>
/// <param name="OomScore">What its <c>/proc/PID/oom_score</c> showed at that moment (<see cref="OomKiller.OomScore"/>).</param>
public sealed record OomKillCandidate(OomCandidate Candidate, long TotalVmPages, long AnonPages, long FilePages, long? Points, long OomScore)
{
    /// <summary>Its pid.</summary>
    public int Pid => Candidate.Pid;

    /// <summary>Its command name.</summary>
    public string Name => Candidate.Name;

    /// <summary>Its resident pages (anonymous plus file; <c>rss</c>).</summary>
    public long ResidentPages => Candidate.ResidentPages;

    /// <summary>Its pages in swap (<c>swapents</c>).</summary>
    public long SwapEntries => Candidate.SwapEntries;

    /// <summary>The pages its page tables take.</summary>
    public long PageTablePages => Candidate.PageTablePages;

    /// <summary>Its oom_score_adj, -1000 (never kill) to 1000.</summary>
    public int OomScoreAdj => Candidate.OomScoreAdj;

    /// <summary>The numbers of <paramref name="process"/> now, scored against <paramref name="totalPages"/> (RAM plus
    /// swap in pages).</summary>
    public static OomKillCandidate Of(SimProcess process, long totalPages)
    {
        ArgumentNullException.ThrowIfNull(process);
        var candidate = OomKiller.CandidateOf(process);
        return new OomKillCandidate(candidate, (long)process.Memory.TotalVmPages, process.AnonPages, process.FilePages,
            OomKiller.Badness(candidate, totalPages), OomKiller.OomScore(candidate, totalPages));
    }
}
