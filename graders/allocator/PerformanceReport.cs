using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Reported, not scored: the performance index's table (utilization and cost per trace, beside the reference's), shown
// to the learner whatever their index. Task 8's steps (PerformanceTests) carry the points.
[Category("Report")]
public class PerformanceReport
{
    [Test]
    [Task(8)]
    public void Utilization_and_cost_per_trace_next_to_the_reference()
    {
        if (!SnapshotChannel.IsRecording)
        {
            TestContext.Out.WriteLine(PerformanceTests.Describe());
        }
    }
}
