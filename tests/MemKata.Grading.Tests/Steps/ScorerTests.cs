using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Steps;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Tests.Steps;

public sealed class ScorerTests
{
    [Test]
    public void A_tasks_weight_is_shared_by_its_tests_and_snapshots_and_reports_are_apart()
    {
        var exercise = Exercise(new GraderManifest("x", [new TaskWeight(1, 9), new TaskWeight(2, 10, Bonus: true)],
            new SnapshotWeight(4, 1), null, null));

        var result = Scorer.Score(exercise, [
            Ran("a", 1, TestStatus.Passed),
            Ran("b", 1, TestStatus.Failed),
            Ran("c", 1, TestStatus.Passed),
            Ran("s1", 1, TestStatus.Passed, "Snapshot"),
            Ran("s2", 1, TestStatus.Failed, "Snapshot"),
            Ran("r", null, TestStatus.Passed, "Report"),
            Ran("bonus", 2, TestStatus.Passed),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Tasks[0].Points, Is.EqualTo(6));
            Assert.That(result.Tasks[0].Total, Is.EqualTo(3), "snapshot checks are not in their task's row");
            Assert.That(result.Snapshots!.Points, Is.EqualTo(2));
            Assert.That(result.Tasks[1], Has.Property(nameof(TaskScore.IsBonus)).True.And.Property(nameof(TaskScore.Points)).EqualTo(10));
            Assert.That(result.Tests.Single(t => t.Name == "r"), Has.Property(nameof(GradedTest.Kind)).EqualTo(TestKind.Report).And.Property(nameof(GradedTest.MaxPoints)).Zero);
            Assert.That(result.Notes, Is.Empty);
        });
    }

    [Test]
    public void With_whole_tasks_one_failed_test_costs_its_whole_task_but_not_the_performance_steps_or_snapshots()
    {
        var manifest = new GraderManifest("x", [new TaskWeight(1, 9), new TaskWeight(2, 10), new TaskWeight(3, 20)],
            new SnapshotWeight(4, 1), null, null, new PerformanceTask(3))
        {
            WholeTasks = true,
        };
        var exercise = Exercise(manifest);

        var result = Scorer.Score(exercise, [
            Ran("a", 1, TestStatus.Passed),
            Ran("b", 1, TestStatus.Failed),
            Ran("c", 2, TestStatus.Passed),
            Ran("d", 2, TestStatus.Passed),
            Ran("step5", 3, TestStatus.Passed),
            Ran("step10", 3, TestStatus.Failed),
            Ran("s1", 1, TestStatus.Passed, "Snapshot"),
            Ran("s2", 1, TestStatus.Failed, "Snapshot"),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Tasks.Select(t => t.Points), Is.EqualTo(new[] { 0, 10, 10 }), "task 1 broken, task 2 whole, task 3 the index's steps");
            Assert.That(result.Tasks[0].Passed, Is.EqualTo(1), "the passed test still shows as passed");
            Assert.That(result.Tests.Single(t => t.Name == "a"), Has.Property(nameof(GradedTest.Points)).Zero.And.Property(nameof(GradedTest.MaxPoints)).EqualTo(4.5));
            Assert.That(result.Snapshots!.Points, Is.EqualTo(2), "snapshot checks keep per-check credit");
        });
    }

    [Test]
    public void Untagged_tests_and_unreachable_weights_are_named_for_the_instructor()
    {
        var exercise = Exercise(new GraderManifest("x", [new TaskWeight(1, 5), new TaskWeight(3, 5)], null, null, null));

        var result = Scorer.Score(exercise, [Ran("tagged", 1, TestStatus.Passed), Ran("loose", null, TestStatus.Passed), Ran("nine", 9, TestStatus.Passed)]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Tests.Single(t => t.Name == "loose").MaxPoints, Is.Zero);
            Assert.That(result.Notes, Has.Some.Contains("loose is worth no points: it has no [Task(n)]"));
            Assert.That(result.Notes, Has.Some.Contains("task 9, which grader.json does not weigh"));
            Assert.That(result.Notes, Has.Some.Contains("grader.json gives task 3 5 points but no hidden test is tagged [Task(3)]"));
        });
    }

    private static ExerciseLayout Exercise(GraderManifest manifest) =>
        new("/repo", "x", "/repo/exercises/x", "/repo/graders/x",
            new ExerciseConfig("x", "X", new ExerciseFiles(["X.cs"], null, null), null), manifest);

    private static RanTest Ran(string name, int? task, TestStatus status, params string[] categories) =>
        new(new DiscoveredTest($"Ns.Fixture.{name}", name, task, categories), status, status == TestStatus.Passed ? null : "no", null, 1);
}
