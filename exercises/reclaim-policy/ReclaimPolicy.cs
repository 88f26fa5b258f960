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
            "Task 1: implement Reclaim: free the pages least likely to be needed again, oldest first, until the request is " +
            "met, giving a page in use a second chance. See .docs/instructions.md, task 1 (.docs/hints.md if stuck).");

    /// <inheritdoc/>
    public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) =>
        throw new NotImplementedException(
            "Task 5: implement ChooseOomVictim: choose the process Linux's OOM killer would, and respect oom_score_adj. " +
            "See .docs/instructions.md, task 5 (.docs/hints.md if stuck).");
}
