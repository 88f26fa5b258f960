namespace MemKata.Contracts.Kernel;

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
