using Snapshooter.NUnit;

namespace MemKata.Scenarios.Tests;

// Every built-in scenario's full report (steps, event log, /proc views) is pinned: a change in the kernel's behaviour
// shows up as a snapshot diff to review. To accept a reviewed change, delete the snapshot file and run again.
public class BuiltInScenarioSnapshotTests
{
    private static IEnumerable<string> Names => BuiltInScenarios.Names;

    [TestCaseSource(nameof(Names))]
    public void Report_matches_the_snapshot(string name)
    {
        var report = ScenarioRunner.Run(BuiltInScenarios.Load(name)).Render();

        Snapshot.Match(report);
    }
}
