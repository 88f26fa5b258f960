namespace MemKata.Graders.FaultHandler;

/// <summary>What a snapshot file holds: the scenario's name, what is compared, and one line per event.</summary>
internal sealed record SnapshotDocument(string Scenario, string Compared, IReadOnlyList<string> Events)
{
    public const string WhatIsCompared =
        "the kernel's fault events in order: minor and major faults (process, pages, access), SIGSEGVs (address only; the " +
        "reason is the learner's choice) and processes killed for want of memory; reclaim, frames and the event text of " +
        "anything else are not recorded";
}
