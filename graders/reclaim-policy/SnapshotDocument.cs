namespace MemKata.Graders.ReclaimPolicy;

/// <summary>What a snapshot file holds: the scenario, what is compared, and the observable events.</summary>
internal sealed record SnapshotDocument(string Scenario, string Compared, IReadOnlyList<string> Events)
{
    public const string WhatIsCompared =
        "per scenario: each OOM kill (pid and name of the victim), each process alive or killed at the end, whether dirty " +
        "file pages were written back, whether anonymous pages were swapped out; counts of scans, swap-outs and drops " +
        "depend on the learner's scan order and are not recorded";
}
