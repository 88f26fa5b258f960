using MemKata.Engine.Reference;
using MemKata.Graders.Shared;
using MemKata.Testing;

namespace MemKata.Graders.FaultHandler;

// The program that touches every kind of mapping (FaultEvents.RunMixedProgram), once per task, the learner's checked
// handler taking that task's faults (TaskRouter) and the reference all the others: every fault of the task must follow
// the rules (RuleCheckedHandler), and the fault events must be the reference's, run live.
public class MixedProgramTests
{
    [Test]
    [Task(2)]
    public void Every_kind_of_mapping_with_your_first_touches_of_anonymous_memory() => Compare(TaskRouter.AnonymousFirstTouch());

    [Test]
    [Task(3)]
    public void Every_kind_of_mapping_with_your_file_pages() => Compare(TaskRouter.FilePages());

    [Test]
    [Task(4)]
    public void Every_kind_of_mapping_with_your_swap_ins() => Compare(TaskRouter.SwapIns());

    [Test]
    [Task(5)]
    public void Every_kind_of_mapping_with_your_copies_on_write() => Compare(TaskRouter.Copies());

    private static void Compare(TaskRouter yours)
    {
        var expected = FaultEvents.Observable(FaultEvents.RunMixedProgram(new ReferencePageFaultHandler()));

        var actual = FaultEvents.Observable(FaultEvents.RunMixedProgram(yours));

        if (EventDiff.FirstDivergence(expected, actual) >= 0)
        {
            Assert.Fail(EventDiff.Explain(
                "The program touching every kind of mapping faulted differently with your handler than with the reference's.", expected, actual, "reference", "yours"));
        }
    }
}
