using MemKata.Grading.Model;
using MemKata.Grading.Steps;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Steps;

/// <summary>With the analyzers as preflight check (what <c>memkata grade</c> uses), forbidden code is refused before it
/// runs; honest code is graded as without them. The golden scenarios run without them, to prove the sandbox alone.</summary>
public sealed class AnalyzerPreflightTests
{
    private static readonly Lazy<Grader> _grader = new(() =>
        new Grader(CounterExercise.Layout, new GradingOptions(CounterExercise.Limits, [new AnalyzerPreflightCheck()])));

    [TestCase("fail-fast", "MK0001")]
    [TestCase("thread-exception", "MK0001")]
    [TestCase("early-exit", "MK0001")]
    public void Forbidden_code_is_rejected_with_score_zero_and_the_rule_that_refused_it(string submission, string rule)
    {
        var report = _grader.Value.Grade(CounterExercise.Submission(submission));

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(GradeOutcome.Rejected));
            Assert.That(report.Score, Is.Zero);
            Assert.That(report.Tests, Is.Empty, "nothing ran");
            Assert.That(report.Problems.Where(p => p.IsError).Select(p => p.Id), Does.Contain(rule));
            Assert.That(report.Problems.First(p => p.Id == rule).File, Is.EqualTo("Counter.cs"));
        });
    }

    [Test]
    public void Honest_reference_is_graded_as_without_the_analyzers()
    {
        var report = _grader.Value.Grade(CounterExercise.Submission("reference"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(GradeOutcome.Graded));
            Assert.That(report.Score, Is.EqualTo(12));
            Assert.That(report.Problems.Where(p => p.IsError), Is.Empty);
        });
    }

    [Test]
    public void Stub_is_graded_zero_and_its_unstarted_tasks_are_advice()
    {
        var report = _grader.Value.Grade(CounterExercise.Submission("stub"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(GradeOutcome.Graded));
            Assert.That(report.Score, Is.Zero);
            Assert.That(report.Problems.Where(p => !p.IsError).Select(p => p.Id), Does.Contain("MK0013"));
        });
    }
}
