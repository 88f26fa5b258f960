using System.Text.Json;
using MemKata.Grading.Model;

namespace MemKata.Grading.Tests.Support;

/// <summary>A sample submission's <c>expected.json</c> (format in docs/EXERCISES.md): the score it must get and,
/// optionally, its outcome, how many tasks it attempts, how named tests end and what the problems say.</summary>
internal sealed record ExpectedResult(
    double Score,
    string? Outcome,
    int? Attempted,
    Dictionary<string, ExpectedTest>? Tests,
    List<string>? Problems)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static ExpectedResult Load(string submissionDirectory) =>
        JsonSerializer.Deserialize<ExpectedResult>(File.ReadAllText(Path.Combine(submissionDirectory, "expected.json")), _json)
        ?? throw new InvalidDataException($"{submissionDirectory}/expected.json is empty");

    /// <summary>Asserts that <paramref name="report"/> is what this file expects, saying what differs and why.</summary>
    public void AssertMatches(GradeReport report)
    {
        var summary = Describe(report);
        Assert.Multiple(() =>
        {
            Assert.That(report.Score, Is.EqualTo(Score).Within(0.01), $"score\n{summary}");
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
        $"{report.SubmissionName}: {report.Outcome} {report.Score}/{report.MaxScore}\n" +
        string.Concat(report.Problems.Select(p => $"  problem: {p}\n")) +
        string.Concat(report.Notes.Select(n => $"  note: {n}\n")) +
        string.Concat(report.Tests.Select(t => $"  {t.Name}: {t.Status} {t.Points:0.##}/{t.MaxPoints:0.##} {t.Message}\n"));
}

/// <summary>How one named test must end.</summary>
internal sealed record ExpectedTest(string? Status, string? Message);
