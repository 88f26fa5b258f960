
namespace MemKata.Scenarios.Tests;

public class BuiltInScenarioTests
{
    private static IEnumerable<string> Names => BuiltInScenarios.Names;

    [Test]
    public void There_is_a_built_in_scenario_for_each_claim()
    {
        Assert.That(BuiltInScenarios.Names, Has.Count.GreaterThanOrEqualTo(15));
    }

    [TestCaseSource(nameof(Names))]
    public void Every_built_in_scenario_runs_and_explains_itself(string name)
    {
        var scenario = BuiltInScenarios.Load(name);

        var result = ScenarioRunner.Run(scenario);

        Assert.That(scenario.Explanation, Is.Not.Empty);
        Assert.That(result.Steps, Has.Count.EqualTo(scenario.Steps.Count));
        Assert.That(result.Render(), Does.Contain("## /proc/meminfo"));
    }

    [Test]
    public void Malloc_1_moves_the_break_by_132_KiB()
    {
        var result = ScenarioRunner.Run(BuiltInScenarios.Load("01-malloc-1-grows-the-heap"));

        Assert.That(result.Machine.Events.Events.Count(e => e.Text.StartsWith("brk(", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(result.Machine.Processes[0].Memory.ProgramBreak - result.Machine.Processes[0].Memory.HeapStart, Is.EqualTo(0x21000UL));
    }

    [Test]
    public void The_8_GiB_table_matches_the_real_rules()
    {
        static string First(string name) => ScenarioRunner.Run(BuiltInScenarios.Load(name)).Steps[0].Result;

        Assert.That(First("10-malloc-8-gib-on-4-gib-x86-64-overcommit-0-swap-0g"), Does.StartWith("NULL"));
        Assert.That(First("10-malloc-8-gib-on-4-gib-x86-64-overcommit-0-swap-8g"), Does.StartWith("0x"));
        Assert.That(First("10-malloc-8-gib-on-4-gib-x86-64-overcommit-2-swap-0g"), Does.StartWith("NULL"));
        Assert.That(First("10-malloc-8-gib-on-4-gib-x86-64-overcommit-2-swap-8g"), Does.StartWith("0x"));
        Assert.That(First("10-malloc-8-gib-on-4-gib-i386-overcommit-1-swap-0g"), Does.StartWith("NULL"));
    }

    [Test]
    public void The_oom_scenarios_kill_the_expected_process()
    {
        var biggest = ScenarioRunner.Run(BuiltInScenarios.Load("08-oom-killer-picks-the-biggest")).Machine;
        var adjusted = ScenarioRunner.Run(BuiltInScenarios.Load("09-oom-score-adj-changes-the-choice")).Machine;

        Assert.That(biggest.Processes.Where(p => !p.IsAlive).Select(p => p.Name), Is.EqualTo(new[] { "database" }));
        Assert.That(adjusted.Processes.Where(p => !p.IsAlive).Select(p => p.Name), Is.EqualTo(new[] { "cache" }));
    }

    [Test]
    public void On_an_oom_tie_the_later_process_is_killed()
    {
        var machine = ScenarioRunner.Run(BuiltInScenarios.Load("14-oom-killer-tie-goes-to-the-later-process")).Machine;

        Assert.That(machine.Processes.Where(p => !p.IsAlive).Select(p => p.Name), Is.EqualTo(new[] { "worker-b" }));
    }

    [Test]
    public void A_private_file_mapping_is_copied_on_write_and_the_other_process_keeps_the_file_pages()
    {
        var result = ScenarioRunner.Run(BuiltInScenarios.Load("11-map-private-file-pages-are-copied-on-write"));

        Assert.That(result.Steps.Select(s => (s.MinorFaults, s.MajorFaults)), Is.EqualTo(new (long, long)[] { (0, 0), (0, 0), (0, 16), (16, 0), (16, 0), (0, 0) }));
        Assert.That(result.Machine.PageCache.CachedPages, Is.EqualTo(16), "the copies are anonymous pages; the page cache keeps the file's 16 pages");
    }

    [Test]
    public void When_swap_fills_up_reclaim_goes_on_with_file_pages_and_kills_nobody()
    {
        var machine = ScenarioRunner.Run(BuiltInScenarios.Load("12-swap-fills-up-part-way")).Machine;

        Assert.That(machine.Swap.FreeSlots, Is.Zero, "the scenario is meant to fill its swap");
        Assert.That(machine.VmStat.OomKill, Is.Zero);
    }

    [Test]
    public void Swappiness_0_swaps_only_after_the_file_pages_ran_out()
    {
        var result = ScenarioRunner.Run(BuiltInScenarios.Load("13-swappiness-0-spares-anonymous-memory"));
        var reclaims = result.Machine.Events.Events.Where(e => e.Text.Contains("reclaimed", StringComparison.Ordinal)).Select(e => e.Text).ToList();
        var firstSwap = reclaims.FindIndex(t => !t.Contains("swapped out 0,", StringComparison.Ordinal));

        Assert.That(firstSwap, Is.GreaterThan(0), "file pages go first, then anonymous pages once the file pages are too few");
        Assert.That(result.Machine.VmStat.PswpOut, Is.GreaterThan(0), "with 32 MiB of anonymous memory on a 32 MiB machine, some must go to swap in the end");
    }

    [Test]
    public void Runs_are_deterministic()
    {
        var first = ScenarioRunner.Run(BuiltInScenarios.Load("05-full-machine-kswapd-then-direct-reclaim")).Render();
        var second = ScenarioRunner.Run(BuiltInScenarios.Load("05-full-machine-kswapd-then-direct-reclaim")).Render();

        Assert.That(second, Is.EqualTo(first));
    }
}
