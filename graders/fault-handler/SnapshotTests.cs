using MemKata.Testing;

namespace MemKata.Graders.FaultHandler;

// Snapshot checks: the learner's faults in fixed scenarios, compared with the reference's committed snapshots.
// Scored by grader.json "snapshots", not by task 6's weight; tagged task 6 so feedback names the last task.
[Category("Snapshot")]
public class SnapshotTests
{
    public static IEnumerable<string> Scenarios => [.. FaultEvents.BuiltIns, FaultEvents.MixedProgram];

    [TestCaseSource(nameof(Scenarios))]
    [Task(6)]
    public void Faults_match_the_reference(string scenario)
    {
        var events = FaultEvents.Record(scenario, new global::FaultHandler());

        SnapshotAssert.Match(scenario, events);
    }
}
