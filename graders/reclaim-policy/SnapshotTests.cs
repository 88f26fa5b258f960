using System.Globalization;
using MemKata.Engine.Kernel;
using MemKata.Graders.Shared;
using MemKata.Scenarios;
using MemKata.Testing;

namespace MemKata.Graders.ReclaimPolicy;

// Snapshot checks: the built-in reclaim and OOM scenarios run with the learner's policy, their policy-determined
// outcome compared with the reference's committed snapshots. Scored by grader.json "snapshots"; tagged task 5 so
// feedback names the task most of them concern.
[Category("Snapshot")]
public class SnapshotTests
{
    private static readonly SnapshotSuite _snapshots = SnapshotSuite.For(
        "reclaim-policy",
        subjectKey: "Scenario",
        compared: "per scenario: each OOM kill (pid and name of the victim), each process alive or killed at the end, whether dirty " +
            "file pages were written back, whether anonymous pages were swapped out; counts of scans, swap-outs and drops " +
            "depend on the learner's scan order and are not recorded",
        mismatch: name => $"Your policy's outcome differs from the reference on the built-in scenario '{name}'. Only what the rules fix is compared: who the OOM killer takes (task 5), whether dirty pages were written back (task 2), whether anonymous pages went to swap (task 3), and who is still alive.");

    public static IEnumerable<string> Scenarios =>
    [
        "05-full-machine-kswapd-then-direct-reclaim",
        "06-dirty-file-pages-are-written-back",
        "07-anonymous-pages-go-to-swap",
        "08-oom-killer-picks-the-biggest",
        "09-oom-score-adj-changes-the-choice",
    ];

    [TestCaseSource(nameof(Scenarios))]
    [Task(5)]
    public void Scenario_outcome_matches_the_reference(string scenario)
    {
        var result = ScenarioRunner.Run(BuiltInScenarios.Load(scenario), reclaimPolicy: Policies.Learner());

        SnapshotAssert.Match(_snapshots, scenario, Observe(result.Machine));
    }

    /// <summary>What the rules fix: OOM victims, survivors, whether writeback and swap-out happened.</summary>
    internal static List<string> Observe(Machine machine)
    {
        // Each OOM event in order: a kill is named by its record ("pid 1 (database)"); the memory figures of the kill
        // depend on what reclaim took before and are not compared. Any other OOM event (nothing killable, a fault with
        // no frame) is kept as the kernel wrote it.
        var events = new List<string>();
        foreach (var e in machine.Events.Events.Where(e => e.Kind == KernelEventKind.OomKill))
        {
            var victim = machine.OomKills.FirstOrDefault(k => k.Sequence == e.Sequence)?.Victim;
            events.Add(victim is null ? $"oom: {e.Text}" : string.Create(CultureInfo.InvariantCulture, $"oom kill: pid {victim.Value.Pid} ({victim.Value.Name})"));
        }

        events.AddRange(machine.Processes.Select(p => string.Create(CultureInfo.InvariantCulture, $"process {p.Pid} ({p.Name}): {(p.IsAlive ? "alive" : "killed")}")));
        events.Add($"dirty pages written back: {(machine.VmStat.PgPgOut > 0 ? "yes" : "no")}");
        events.Add($"anonymous pages swapped out: {(machine.VmStat.PswpOut > 0 ? "yes" : "no")}");
        return events;
    }
}
