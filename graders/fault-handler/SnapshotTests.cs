using MemKata.Graders.Shared;
using MemKata.Testing;

namespace MemKata.Graders.FaultHandler;

// Snapshot checks: the learner's faults in fixed scenarios, compared with the reference's committed snapshots.
// Scored by grader.json "snapshots", not by task 6's weight; tagged task 6 so feedback names the last task.
[Category("Snapshot")]
public class SnapshotTests
{
    private static readonly SnapshotSuite _snapshots = SnapshotSuite.For(
        "fault-handler",
        subjectKey: "Scenario",
        compared: "the kernel's fault events in order: minor and major faults (process, pages, access), SIGSEGVs (address only; the " +
            "reason is the learner's choice) and processes killed for want of memory; reclaim, frames and the event text of " +
            "anything else are not recorded",
        mismatch: name => $"Your handler's faults differ from the reference in the scenario '{name}'. Compared: each fault's process, pages, access and kind (minor or major), each SIGSEGV and each kill; the SIGSEGV reason is your choice and not compared.");

    public static IEnumerable<string> Scenarios => [.. FaultEvents.BuiltIns, FaultEvents.MixedProgram];

    [TestCaseSource(nameof(Scenarios))]
    [Task(6)]
    public void Faults_match_the_reference(string scenario)
    {
        var events = FaultEvents.Record(scenario, RuleCheckedHandler.Learner());

        SnapshotAssert.Match(_snapshots, scenario, events);
    }
}
