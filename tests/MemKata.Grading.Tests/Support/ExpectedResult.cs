using System.Text.Json;
using System.Text.Json.Serialization;
using MemKata.Grading.Model;

namespace MemKata.Grading.Tests.Support;

/// <summary>A sample submission's <c>expected.json</c> (format in docs/EXERCISES.md): the score it must get and,
/// optionally, the maximum, the bonus, each task's and the snapshot checks' tally, its outcome, how many tasks it
/// attempts, how named tests end, what the problems say, and whether an adversarial sample is a legitimate (if
/// discouraged) practice whose score may exceed the stub's. An adversarial sample may also state its honest
/// <c>ceiling</c> (the most its real work earns; the stub's score when absent) and what it gets with a layer switched
/// off: <c>without_analyzers</c> (the image check alone of the two static layers) and <c>without_static_checks</c>
/// (neither: the compiler, the membrane, the sandbox and the process layer alone).</summary>
internal sealed record ExpectedResult(
    double Score,
    [property: JsonPropertyName("max_score")] double? MaxScore,
    double? Bonus,
    List<ExpectedTally>? Tasks,
    ExpectedTally? Snapshots,
    string? Outcome,
    int? Attempted,
    Dictionary<string, ExpectedTest>? Tests,
    List<string>? Problems,
    bool Legitimate = false,
    double? Ceiling = null,
    [property: JsonPropertyName("without_analyzers")] ExpectedResult? WithoutAnalyzers = null,
    [property: JsonPropertyName("without_static_checks")] ExpectedResult? WithoutStaticChecks = null)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static ExpectedResult Load(string submissionDirectory) =>
        JsonSerializer.Deserialize<ExpectedResult>(File.ReadAllText(Path.Combine(submissionDirectory, "expected.json")), _json)
        ?? throw new InvalidDataException($"{submissionDirectory}/expected.json is empty");

    /// <summary>Issue 10 §7: an adversarial sample is contained: the grader finishes and writes its report (never a
    /// <c>GraderError</c>), and the sample scores no more than its honest <see cref="Ceiling"/> (without one, the stub's
    /// <paramref name="stubScore"/>), with no bonus, unless it is <see cref="Legitimate"/> (a discouraged but allowed
    /// practice, such as mutable static state, whose score follows from what the code does).</summary>
    public void AssertContained(GradeReport report, double stubScore, string sample)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = Describe(report);
        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.Not.EqualTo(GradeOutcome.GraderError), $"{sample} broke the grader\n{summary}");
            if (!Legitimate)
            {
                Assert.That(report.Score, Is.LessThanOrEqualTo((Ceiling ?? stubScore) + 0.005), $"{sample} scores more than its honest ceiling\n{summary}");
                Assert.That(report.Bonus, Is.Zero, $"{sample} earns a bonus\n{summary}");
            }
        });
    }

    /// <summary>Asserts that <paramref name="report"/> is what this file expects, saying what differs and why.</summary>
    public void AssertMatches(GradeReport report)
    {
        var summary = Describe(report);
        Assert.Multiple(() =>
        {
            Assert.That(report.Score, Is.EqualTo(Score).Within(0.01), $"score\n{summary}");
            if (MaxScore is { } max)
            {
                Assert.That(report.MaxScore, Is.EqualTo(max).Within(0.01), $"max_score\n{summary}");
            }

            if (Bonus is { } bonus)
            {
                Assert.That(report.Bonus, Is.EqualTo(bonus).Within(0.01), $"bonus\n{summary}");
            }

            foreach (var expected in Tasks ?? [])
            {
                var task = report.Tasks.SingleOrDefault(t => t.Number == expected.Number);
                Assert.That(task, Is.Not.Null, $"no task {expected.Number}\n{summary}");
                if (task is not null)
                {
                    expected.AssertMatches(task, $"task {expected.Number}", summary);
                }
            }

            if (Snapshots is not null)
            {
                Assert.That(report.Snapshots, Is.Not.Null, $"no snapshot checks\n{summary}");
                if (report.Snapshots is not null)
                {
                    Snapshots.AssertMatches(report.Snapshots, "snapshots", summary);
                }
            }

            if (Outcome is not null)
            {
                Assert.That(report.Outcome.ToString(), Is.EqualTo(Outcome), $"outcome\n{summary}");
            }

            if (Attempted is not null)
            {
                Assert.That(report.TasksAttempted, Is.EqualTo(Attempted), $"tasks attempted\n{summary}");
            }

            foreach (var (name, expected) in Tests ?? [])
            {
                var test = report.Tests.SingleOrDefault(t => t.Name == name);
                Assert.That(test, Is.Not.Null, $"no test named {name}\n{summary}");
                if (test is null)
                {
                    continue;
                }

                if (expected.Status is not null)
                {
                    Assert.That(test.Status.ToString(), Is.EqualTo(expected.Status), $"{name}'s status\n{summary}");
                }

                if (expected.Message is not null)
                {
                    Assert.That(test.Message, Does.Contain(expected.Message), $"{name}'s message\n{summary}");
                }
            }

            foreach (var problem in Problems ?? [])
            {
                Assert.That(report.Problems.Select(p => p.ToString()), Has.Some.Contains(problem), $"problems\n{summary}");
            }
        });
    }

    private static string Describe(GradeReport report) =>
        $"{report.SubmissionName}: {report.Outcome} {report.Score}/{report.MaxScore} (+{report.Bonus} bonus)\n" +
        string.Concat(report.Tasks.Select(t => $"  task {t.Number}: {t.Passed}/{t.Total} {t.Points:0.##}/{t.MaxPoints:0.##}\n")) +
        (report.Snapshots is { } s ? $"  snapshots: {s.Passed}/{s.Total} {s.Points:0.##}/{s.MaxPoints:0.##}\n" : "") +
        string.Concat(report.Problems.Select(p => $"  problem: {p}\n")) +
        string.Concat(report.Notes.Select(n => $"  note: {n}\n")) +
        string.Concat(report.Tests.Where(t => t.Status != TestStatus.Passed).Take(40).Select(t =>
            $"  {t.Name}: {t.Status} {t.Points:0.##}/{t.MaxPoints:0.##} {t.Message?.Split('\n')[0]}\n"));
}

/// <summary>How one named test must end.</summary>
internal sealed record ExpectedTest(string? Status, string? Message);

/// <summary>A task's (or the snapshot checks') expected tally: tests passed of tests, and points.</summary>
internal sealed record ExpectedTally(int Number, int? Passed, int? Tests, double? Points)
{
    public void AssertMatches(TaskScore actual, string what, string summary)
    {
        if (Passed is { } passed)
        {
            Assert.That(actual.Passed, Is.EqualTo(passed), $"{what}: tests passed\n{summary}");
        }

        if (Tests is { } tests)
        {
            Assert.That(actual.Total, Is.EqualTo(tests), $"{what}: tests\n{summary}");
        }

        if (Points is { } points)
        {
            Assert.That(actual.Points, Is.EqualTo(points).Within(0.01), $"{what}: points\n{summary}");
        }
    }
}
