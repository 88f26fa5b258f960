using MemKata.Contracts.Kernel;

/// <summary>
/// Your page reclaim policy: when RAM runs short the kernel asks it to free frames by walking the four LRU lists
/// (<see cref="IReclaimContext"/>), and when nothing more can be freed it asks which process the OOM killer should
/// kill. The kernel does the mechanics (unmapping, I/O, counting); your code only decides. Start with task 1 of
/// .docs/instructions.md.
/// </summary>
public sealed class ReclaimPolicy : IReclaimPolicy
{
    /// <summary>Creates the policy. The kernel makes one per machine and calls it for every request.</summary>
    public ReclaimPolicy()
    {
    }

    /// <inheritdoc/>
    public void Reclaim(IReclaimContext context, ReclaimRequest request) =>
        throw new NotImplementedException(
            "Task 1: implement Reclaim: take pages from the tail of the inactive lists (ScanTail), give a referenced page " +
            "a second chance (TestAndClearReferenced, then Activate) and free the others until request.PagesWanted frames " +
            "are free. See .docs/instructions.md, task 1.");

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) =>
        throw new NotImplementedException(
            "Task 5: implement ChooseOomVictim: return the pid with the highest oom_badness (rss + swap entries + page-table " +
            "pages + oom_score_adj x totalPages / 1000), never one whose oom_score_adj is -1000. See .docs/instructions.md, task 5.");
}
