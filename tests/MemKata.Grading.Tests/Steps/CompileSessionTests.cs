using MemKata.Grading.Model;
using MemKata.Grading.Steps;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Steps;

/// <summary>The compile job: with the analyzers (what <c>memkata grade</c> uses), forbidden code is refused before it
/// runs and honest code is graded as without them (the golden scenarios run without them, to prove the sandbox alone);
/// a compile-time bomb is stopped by the compile limit, and the session serves the next submission.</summary>
public sealed class CompileSessionTests
{
    private static readonly Lazy<Grader> _grader = new(() =>
        new Grader(CounterExercise.Layout, new GradingOptions(CounterExercise.Limits)));

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

    [Test]
    public void A_compile_time_bomb_is_stopped_by_the_compile_limit_and_the_next_submission_compiles()
    {
        var limits = CounterExercise.Limits with { CompileTimeout = TimeSpan.FromSeconds(5) };
        using var grader = new Grader(CounterExercise.Layout, new GradingOptions(limits, RunAnalyzers: false));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var bomb = grader.Grade(Path.Combine(TestData.Root, "limits", "compile-bomb"));
        var stoppedAfter = clock.Elapsed;
        var next = grader.Grade(CounterExercise.Submission("reference"));

        Assert.Multiple(() =>
        {
            Assert.That(bomb.Outcome, Is.EqualTo(GradeOutcome.CompileError));
            Assert.That(bomb.Problems.Single().Id, Is.EqualTo(CompileSession.TooLongId));
            Assert.That(bomb.Problems.Single().Message, Does.StartWith("your code took too long to compile (more than 5 s)"));
            Assert.That(stoppedAfter, Is.LessThan(TimeSpan.FromSeconds(60)), "the session's start-up plus the 5 s limit");
            Assert.That(next.Outcome, Is.EqualTo(GradeOutcome.Graded), "a new session compiles the next submission");
            Assert.That(next.Score, Is.EqualTo(12));
        });
    }
}
