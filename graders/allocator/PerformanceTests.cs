using MemKata.Engine.Performance;
using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Task 8, the performance index (docs/GRADING.md): the learner's allocator on the hidden traces, against the reference
// solution's utilization and cost on the same traces. The reference's numbers are a snapshot
// (__snapshots__/performance-baseline.snap), recorded by `memkata snapshots update allocator` like every snapshot, so
// no grading run needs the reference. The index (0 to 100) is earned in steps of 5: each step is one test, so task 8's
// weight in grader.json is shared by the steps reached, the stub scores 0 and the reference 100.
public class PerformanceTests
{
    private const string BaselineFile = "performance-baseline.snap";
    private const double Step = 5;

    private static readonly Lazy<Measured> _measured = new(MeasureAll);

    private static IEnumerable<int> Levels => Enumerable.Range(1, (int)(100 / Step)).Select(i => (int)(i * Step));

    [TestCaseSource(nameof(Levels))]
    [Task(8)]
    public void The_performance_index_reaches(int level)
    {
        var measured = _measured.Value;
        if (SnapshotChannel.IsRecording)
        {
            Assert.That(measured.Yours.Where(m => m.Failure is not null).Select(m => $"{m.Source}: {m.Failure}"), Is.Empty,
                "the reference must run every performance trace within the rules");
            SnapshotChannel.Record(BaselineFile, Write(measured.Yours));
            return;
        }

        var committed = SnapshotChannel.Expected(typeof(PerformanceTests).Assembly, BaselineFile);
        Assert.That(committed, Is.Not.Null, $"the reference's numbers ({BaselineFile}) are missing: memkata snapshots update allocator");
        var baseline = Read(committed!);
        Assert.That(baseline.Select(b => b.Source), Is.EqualTo(measured.Yours.Select(m => m.Source)),
            $"{BaselineFile} is stale (other traces): memkata snapshots update allocator");

        var index = PerformanceIndex.Overall(measured.Yours, baseline);
        Assert.That(index + 1e-9, Is.GreaterThanOrEqualTo(level),
            $"your performance index is {index:F1} of 100; this step needs {level}.\n{PerformanceIndex.Table(measured.Yours, baseline)}");
    }

    /// <summary>The table of the index (utilization and cost per trace, beside the reference's), for the report.</summary>
    internal static string Describe()
    {
        var committed = SnapshotChannel.Expected(typeof(PerformanceTests).Assembly, BaselineFile);
        return committed is null
            ? $"the reference's numbers ({BaselineFile}) are missing: memkata snapshots update allocator"
            : PerformanceIndex.Table(_measured.Value.Yours, Read(committed));
    }

    private static Measured MeasureAll() =>
        new([.. PerformanceTraces.All.Select(trace => TraceMeasurement.Measure(trace, Subject.Create))]);

    // One line per trace (TraceMeasurementText: its name, peak payload, peak footprint, accesses, bulk bytes, system
    // calls, page faults, and why it failed; the reference fails none).
    private static string Write(IReadOnlyList<TraceMeasurement> measurements) =>
        string.Concat(measurements.Select(m => TraceMeasurementText.Format(m) + "\n"));

    private static List<TraceMeasurement> Read(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => TraceMeasurementText.Parse(line.Split('\t')))];

    private sealed record Measured(IReadOnlyList<TraceMeasurement> Yours);
}
