namespace MemKata.Reports.Html.Recording;

/// <summary>When a <see cref="MachineSnapshot"/> was taken, as the RAM map's labels say.</summary>
public enum SnapshotMoment
{
    /// <summary>Between two steps: after step <see cref="MachineSnapshot.AfterStep"/> (0: the processes just started).</summary>
    AfterStep,

    /// <summary>Inside step <see cref="MachineSnapshot.AfterStep"/>, when the OOM killer had chosen its victim and not yet
    /// killed it: RAM and swap as full as that step made them (after the kill they are free again).</summary>
    BeforeOomKill,
}
