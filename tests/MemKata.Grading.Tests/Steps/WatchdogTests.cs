using MemKata.Grading.Model;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Steps;

/// <summary>The limits and the crash handling that the golden scenarios do not reach with their default limits.</summary>
public sealed class WatchdogTests
{
    [Test]
    public void A_test_that_waits_forever_is_stopped_by_the_wall_clock()
    {
        var limits = CounterExercise.Limits with { TestTimeout = TimeSpan.FromSeconds(1) };
        using var grader = new Grader(CounterExercise.Layout, new GradingOptions(limits, RunAnalyzers: false));

        var report = grader.Grade(Path.Combine(TestData.Root, "limits", "sleeps-forever"));

        var add = report.Tests.Single(t => t.Name == "AddAddsTheAmount");
        Assert.Multiple(() =>
        {
            Assert.That(add.Status, Is.EqualTo(TestStatus.Crashed));
            Assert.That(add.Message, Does.Contain("no result after 3 s"));
            Assert.That(report.Tests.Single(t => t.Name == "IncrementAddsOne").Status, Is.EqualTo(TestStatus.Passed));
        });
    }

    [Test]
    public void Without_restarts_the_tests_after_a_crash_did_not_run_and_the_earlier_results_are_kept()
    {
        var limits = CounterExercise.Limits with { MaxRestarts = 0 };
        using var grader = new Grader(CounterExercise.Layout, new GradingOptions(limits, RunAnalyzers: false));

        var report = grader.Grade(CounterExercise.Submission("stack-overflow"));

        var byName = report.Tests.ToDictionary(t => t.Name);
        Assert.Multiple(() =>
        {
            Assert.That(byName["AddAddsTheAmount"].Status, Is.EqualTo(TestStatus.Crashed));
            Assert.That(byName["AddNegativeCountsDown"].Status, Is.EqualTo(TestStatus.DidNotRun));
            Assert.That(byName["AddNegativeCountsDown"].Message, Does.StartWith("did not run: the test process died 1 times; the last time during AddAddsTheAmount (stack overflow"));
            Assert.That(byName["IncrementAddsOne"].Status, Is.EqualTo(TestStatus.DidNotRun));
            Assert.That(report.Score, Is.Zero);
        });
    }

    [Test]
    public void The_whole_run_limit_stops_everything_and_says_so()
    {
        var limits = CounterExercise.Limits with { RunTimeout = TimeSpan.FromSeconds(2) };
        using var grader = new Grader(CounterExercise.Layout, new GradingOptions(limits, RunAnalyzers: false));

        var report = grader.Grade(CounterExercise.Submission("infinite-loop"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(GradeOutcome.Graded));
            Assert.That(report.Tests.Where(t => t.Status is TestStatus.Crashed or TestStatus.DidNotRun), Is.Not.Empty);
            Assert.That(report.Tests.Where(t => t.Status == TestStatus.DidNotRun).Select(t => t.Message),
                Is.All.Contains("time limit"));
        });
    }

    [Test]
    [NonParallelizable]
    public void Learner_code_does_not_see_the_grading_machines_environment()
    {
        Environment.SetEnvironmentVariable("MEMKATA_TEST_SECRET", "hunter2");
        try
        {
            var report = CounterExercise.Grader.Grade(Path.Combine(TestData.Root, "limits", "reads-a-secret"));

            var add = report.Tests.Single(t => t.Name == "AddAddsTheAmount");
            Assert.That(add.Message, Does.Contain("found: nothing").And.Not.Contain("hunter2"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("MEMKATA_TEST_SECRET", null);
        }
    }
}
