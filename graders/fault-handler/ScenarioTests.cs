using MemKata.Contracts.Kernel;
using MemKata.Engine.Reference;
using MemKata.Scenarios;
using MemKata.Testing;

namespace MemKata.Graders.FaultHandler;

// Fault counts against the reference, run live, on the built-in scenarios each task is about: per step, the minor and
// major faults of the learner's handler and of the reference must be the same. The scenarios of tasks 2 to 4 give the
// learner's handler only that task's faults (TaskRouter); those of task 6 run the whole handler.
public class ScenarioTests
{
    [TestCase("04-untouched-memory-uses-no-ram", TestName = "Fault_counts_match_the_reference_in_04_untouched_memory"), Task(2)]
    public void Task2(string scenario) => CompareCounts(scenario, TaskRouter.AnonymousFirstTouch());

    [TestCase("06-dirty-file-pages-are-written-back", TestName = "Fault_counts_match_the_reference_in_06_dirty_file_pages"), Task(3)]
    public void Task3(string scenario) => CompareCounts(scenario, TaskRouter.FilePages());

    [TestCase("07-anonymous-pages-go-to-swap", TestName = "Fault_counts_match_the_reference_in_07_swap"), Task(4)]
    public void Task4(string scenario) => CompareCounts(scenario, TaskRouter.SwapIns());

    [TestCase("05-full-machine-kswapd-then-direct-reclaim", TestName = "Fault_counts_match_the_reference_in_05_direct_reclaim"), Task(6)]
    [TestCase("08-oom-killer-picks-the-biggest", TestName = "Fault_counts_match_the_reference_in_08_oom_killer")]
    public void Task6(string scenario) => CompareCounts(scenario, RuleCheckedHandler.Learner());

    private static void CompareCounts(string name, IPageFaultHandler handler)
    {
        var scenario = BuiltInScenarios.Load(name);
        var yours = ScenarioRunner.Run(scenario, handler);
        var reference = ScenarioRunner.Run(scenario, new ReferencePageFaultHandler());

        for (var i = 0; i < reference.Steps.Count; i++)
        {
            var (r, y) = (reference.Steps[i], yours.Steps[i]);
            Assert.That((y.MinorFaults, y.MajorFaults), Is.EqualTo((r.MinorFaults, r.MajorFaults)),
                $"scenario {name}, step {r.Index} ({r.Process}: {r.Action}): the reference takes {r.MinorFaults} minor and {r.MajorFaults} major faults, yours {y.MinorFaults} and {y.MajorFaults}. " +
                $"Reference result: {r.Result}; yours: {y.Result}. See it with `memkata scenario run --builtin {name}`.");
        }
    }
}
