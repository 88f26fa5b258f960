namespace MemKata.Contracts.Kernel;

/// <summary>Who is reclaiming, which changes only the counters and how hard to try.</summary>
public enum ReclaimMode
{
    /// <summary>kswapd, in the background: woke below the low watermark, works until the high watermark.</summary>
    Background,

    /// <summary>Direct reclaim: an allocation would take free memory below the min watermark, so the allocating process
    /// reclaims itself and stalls meanwhile.</summary>
    Direct,
}

/// <summary>One request to reclaim memory.</summary>
/// <param name="Mode">kswapd or direct.</param>
/// <param name="PagesWanted">How many frames the kernel would like freed; freeing more is allowed, fewer means trouble.</param>
public readonly record struct ReclaimRequest(ReclaimMode Mode, long PagesWanted);

/// <summary>One process the OOM killer may kill, with the numbers Linux's <c>oom_badness</c> reads.</summary>
/// <param name="Pid">The process id.</param>
/// <param name="Name">The command name.</param>
/// <param name="ResidentPages">Pages in RAM (anonymous and file): its RSS in pages.</param>
/// <param name="SwapEntries">Pages it has in swap.</param>
/// <param name="PageTablePages">Pages its page tables take.</param>
/// <param name="OomScoreAdj">Its <c>/proc/PID/oom_score_adj</c>, from -1000 (never kill) to 1000.</param>
public readonly record struct OomCandidate(int Pid, string Name, long ResidentPages, long SwapEntries, long PageTablePages, int OomScoreAdj);

/// <summary>
/// The page-replacement policy: which pages to take back when memory runs short, and which process to kill when
/// nothing more can be taken back. The kernel does the mechanics (unmapping, I/O, counting) through
/// <see cref="IReclaimContext"/>; the policy only decides.
/// </summary>
public interface IReclaimPolicy
{
    /// <summary>
    /// Frees frames, ideally at least <see cref="ReclaimRequest.PagesWanted"/>, by walking the LRU lists of
    /// <paramref name="context"/>: give referenced pages a second chance, age active pages, drop clean file pages, write
    /// dirty ones back first, swap anonymous pages out while swap has room, balancing the two with swappiness. Returning
    /// having freed nothing tells the kernel that reclaim is failing (and may lead to the OOM killer).
    /// </summary>
    void Reclaim(IReclaimContext context, ReclaimRequest request);

    /// <summary>
    /// Picks the process to kill when memory is exhausted, from every killable process, or returns null if none may be
    /// killed. <paramref name="totalPages"/> is RAM plus swap in pages (what <c>oom_score_adj</c> is scaled by).
    /// Processes with <c>oom_score_adj</c> -1000 must never be picked.
    /// </summary>
    int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages);
}
