namespace MemKata.Scenarios.Views;

/// <summary>
/// What <c>--show page-table|lru|faults|reclaim|both|all [--step N]</c> asks for: which parts of the machine each
/// <see cref="MachineView"/> holds, and after which step. The same request is made of the reference's run, here, and of
/// the learner's, in the grading worker.
/// </summary>
/// <param name="PageTables">Each process's page table.</param>
/// <param name="Lru">The LRU lists.</param>
/// <param name="Faults">The step's page faults, with the handler's calls on its context for each.</param>
/// <param name="Step">The one step to show the machine after, or null for every step (0: the processes' start).</param>
/// <param name="Reclaims">The step's reclaim passes, with the lists' sizes before and after each and what moved.</param>
public sealed record ViewRequest(bool PageTables, bool Lru, bool Faults, int? Step, bool Reclaims = false)
{
    /// <summary>The value of <c>--show</c> for page tables.</summary>
    public const string PageTable = "page-table";

    /// <summary>The value for the LRU lists.</summary>
    public const string LruLists = "lru";

    /// <summary>The value for the page faults and the handler's calls.</summary>
    public const string FaultCalls = "faults";

    /// <summary>The value for the reclaim passes.</summary>
    public const string ReclaimPasses = "reclaim";

    /// <summary>The value for page tables and LRU lists.</summary>
    public const string Both = "both";

    /// <summary>The value for all four.</summary>
    public const string All = "all";

    /// <summary>Every value <c>--show</c> takes.</summary>
    public static IReadOnlyList<string> Values { get; } = [PageTable, LruLists, FaultCalls, ReclaimPasses, Both, All];

    /// <summary>The request a <c>--show</c> value makes (one of <see cref="Values"/>), with <paramref name="step"/>.</summary>
    public static ViewRequest Parse(string show, int? step)
    {
        ArgumentNullException.ThrowIfNull(show);
        if (!Values.Contains(show, StringComparer.Ordinal))
        {
            throw new ArgumentException($"--show takes one of {string.Join(", ", Values)}, not '{show}'", nameof(show));
        }

        return new ViewRequest(show is PageTable or Both or All, show is LruLists or Both or All, show is FaultCalls or All, step,
            show is ReclaimPasses or All);
    }

    /// <summary>A recorder that takes the views asked for during one run.</summary>
    public ViewRecorder Recorder() => new(PageTables, Lru, Step, Faults, Reclaims);
}
