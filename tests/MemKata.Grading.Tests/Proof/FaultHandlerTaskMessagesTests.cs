using System.Text.RegularExpressions;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Tests.Support;
using MemKata.Tests.Shared;

namespace MemKata.Grading.Tests.Proof;

/// <summary>
/// The fault-handler stub has one method per task behind a given <c>HandleFault</c>, so the grader can tell the tasks
/// apart: on the stub each hidden test reports the "not implemented" of the task its faults reach first, a submission
/// with task 1 done counts as one task attempted, and task 6's method is reached once tasks 2 to 5 are done.
/// </summary>
public sealed partial class FaultHandlerTaskMessagesTests
{
    private const string Slug = "fault-handler";

    private static readonly Lazy<Grader> _grader = new(() =>
        new Grader(ExerciseLayout.Load(TestData.RealRepository, Slug), GradingOptions.Default));

    [Test]
    public void On_the_stub_each_test_of_tasks_1_to_5_reports_its_own_task()
    {
        var report = _grader.Value.Grade(_grader.Value.Exercise.ExerciseDirectory);

        var own = report.Tests.Where(t => t.Kind == TestKind.Task && t.Task is >= 1 and <= 5).ToList();
        Assert.That(own.Select(t => t.Task).Distinct().Order(), Is.EqualTo(new int?[] { 1, 2, 3, 4, 5 }));
        Assert.Multiple(() =>
        {
            foreach (var test in own)
            {
                Assert.That(test.Status, Is.EqualTo(TestStatus.NotImplemented), test.Name);
                Assert.That(NamedTask(test), Is.EqualTo(test.Task), $"{test.Name}: {test.Message}");
            }
        });
    }

    [Test]
    public void On_the_stub_task_6_and_the_snapshot_checks_report_the_task_whose_method_they_reach_first()
    {
        // NoFrameLeft (task 6) is called only by the methods of tasks 2 to 5, when a frame call answers null.
        var report = _grader.Value.Grade(_grader.Value.Exercise.ExerciseDirectory);

        var rest = report.Tests.Where(t => t.Kind == TestKind.Snapshot || (t.Kind == TestKind.Task && t.Task == 6)).ToList();
        Assert.That(rest, Has.Count.EqualTo(16));
        Assert.Multiple(() =>
        {
            foreach (var test in rest)
            {
                Assert.That(test.Status, Is.EqualTo(TestStatus.NotImplemented), test.Name);
                Assert.That(NamedTask(test), Is.InRange(2, 5), $"{test.Name}: {test.Message}");
            }
        });
    }

    [Test]
    public void With_tasks_1_to_5_done_every_out_of_memory_test_reports_task_6()
    {
        var report = _grader.Value.Grade(Sample("tasks-1-to-5-done"));

        var failed = report.Tests.Where(t => t.Status != TestStatus.Passed).ToList();
        Assert.That(failed, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var test in failed)
            {
                Assert.That((test.Task, test.Status), Is.EqualTo(((int?)6, TestStatus.NotImplemented)), test.Name);
                Assert.That(NamedTask(test), Is.EqualTo(6), $"{test.Name}: {test.Message}");
            }
        });
    }

    [Test]
    public void A_submission_with_only_task_1_done_scores_and_attempts_task_1_alone()
    {
        var report = _grader.Value.Grade(Sample("task-1-done"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(GradeOutcome.Graded));
            Assert.That(report.Score, Is.GreaterThan(0));
            Assert.That(report.Tasks.Where(t => t.Attempted).Select(t => t.Number), Is.EqualTo(new[] { 1 }),
                "tasks 2 to 6 are not attempted: every one of their tests met the stub's NotImplementedException");
            Assert.That(report.TasksAttempted, Is.EqualTo(1));
            Assert.That(report.Snapshots?.Attempted, Is.False);
        });
    }

    private static string Sample(string name) =>
        SampleSubmission.Materialize(Path.Combine(TestData.RealRepository, "tests", "testdata", "submissions", Slug, name));

    private static int? NamedTask(GradedTest test) =>
        test.Message is { } message && StubMessage().Match(message) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"not implemented yet: Task (\d): ")]
    private static partial Regex StubMessage();
}
