using MemKata.Grading.Audit;
using MemKata.Grading.Layout;
using MemKata.Grading.Tests.Support;
using MemKata.Tests.Shared;

namespace MemKata.Grading.Tests.Audit;

/// <summary>The audit end to end on the fake counter exercise, whose reference has two mutants (<c>Value++</c> →
/// <c>Value--</c>, <c>+=</c> → <c>-=</c>): one graded, one declared allowed. Two gradings in all (the reference and one
/// mutant), to keep CI cheap.</summary>
public sealed class GraderAuditTests
{
    private const string Increment = "Counter.Increment: Increment: `Value++` → `Value--`";
    private const string Add = "Counter.Add: Arithmetic: `Value += amount` → `Value -= amount`";

    private static readonly Lazy<AuditReport> _report = new(() =>
        new GraderAudit(CounterExercise.Grader, AuditSettings.Default with
        {
            Equivalent = [new EquivalentMutant(Add, "for the test", EquivalentMutant.AllowedKind), new EquivalentMutant("Counter.Gone: OffByOne: `1` → `2`", "stale")],
        }).Run());

    [Test]
    public void Every_mutant_of_the_reference_is_found()
    {
        var all = new GraderAudit(CounterExercise.Grader, AuditSettings.Default).AllMutants();

        Assert.That(all.Select(m => m.Mutant.Id), Is.EqualTo(new[] { Increment, Add }));
    }

    [Test]
    public void A_mutant_the_suite_tells_apart_is_killed()
    {
        var result = _report.Value.Results.Single(r => r.Mutant.Id == Increment);

        Assert.That(result.Outcome, Is.EqualTo(MutantOutcome.Killed));
        Assert.That(result.Score, Is.LessThan(AuditReport.SurvivingScore));
        Assert.That(result.Failed, Does.Contain("IncrementAddsOne"));
    }

    [Test]
    public void A_declared_mutant_is_not_graded_and_a_stale_declaration_is_reported()
    {
        var report = _report.Value;

        Assert.Multiple(() =>
        {
            Assert.That(report.Results.Single(r => r.Mutant.Id == Add).Outcome, Is.EqualTo(MutantOutcome.Allowed));
            Assert.That(report.StaleEquivalents, Is.EqualTo(new[] { "Counter.Gone: OffByOne: `1` → `2`" }));
            Assert.That((report.ReferenceScore, report.Counted, report.KillRate, report.GoalMet), Is.EqualTo((100.0, 1, 1.0, true)));
        });
    }

    [Test]
    public void The_text_report_says_the_rate_and_the_stale_declaration()
    {
        var text = AuditText.Write(_report.Value);

        Assert.That(text, Does.Contain("graders audit counter: 2 of 2 mutants of the reference (seed 1, at most 100)")
            .And.Contain("kill rate: 100% of 1 (goal 90%): met")
            .And.Contain("kill rate counting the allowed as survivors: 50% of 2")
            .And.Contain("run time: ")
            .And.Contain("limits per mutant: 5 s of CPU per test, 120 s per run")
            .And.Contain("Counter.Gone"));
    }

    [Test]
    public void A_malformed_audit_json_is_reported_with_its_line()
    {
        var repo = CounterRepository.Copy();
        try
        {
            var path = Path.Combine(repo, "graders", "counter", AuditSettings.FileName);
            File.WriteAllText(path, "{\n  \"seed\": 1,\n  \"maxMutants\": \"many\"\n}\n");

            var thrown = Assert.Throws<GradingInputException>(() => AuditSettings.Load(ExerciseLayout.Load(repo, "counter")));

            Assert.That(thrown!.Message, Does.Contain("audit.json:3"));

            File.WriteAllText(path, "{ \"equivalent\": [ { \"mutant\": \"X\", \"reason\": \"y\", \"kind\": \"harmless\" } ] }\n");
            Assert.That(() => AuditSettings.Load(ExerciseLayout.Load(repo, "counter")),
                Throws.TypeOf<GradingInputException>().With.Message.Contains("\"equivalent\" or \"allowed\""));
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }
}
