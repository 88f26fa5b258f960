using System.Collections.Concurrent;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Tests.Support;
using MemKata.Tests.Shared;

namespace MemKata.Grading.Tests.Proof;

/// <summary>
/// The proof of issue 5 §4, for every exercise of this repository that has a grader: its reference solution scores full
/// marks (bonus tasks aside), its stub scores zero without crashing the grader, and every sample submission in
/// <c>tests/testdata/submissions/&lt;slug&gt;/</c> gets the result its <c>expected.json</c> records. Graded as
/// <c>memkata grade</c> does, analyzers included.
/// </summary>
public sealed class ExerciseProofTests
{
    private static readonly ConcurrentDictionary<string, Lazy<Grader>> _graders = new(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> Exercises() =>
        GradedSlugs().Select(slug => new TestCaseData(slug).SetArgDisplayNames(slug));

    public static IEnumerable<TestCaseData> Samples() =>
        GradedSlugs().SelectMany(slug =>
        {
            var folder = Path.Combine(TestData.RealRepository, "tests", "testdata", "submissions", slug);
            return Directory.Exists(folder)
                ? Directory.GetDirectories(folder).Order(StringComparer.Ordinal)
                    .Select(sample => new TestCaseData(slug, Path.GetFileName(sample)).SetArgDisplayNames(slug, Path.GetFileName(sample)))
                : [];
        });

    [TestCaseSource(nameof(Exercises))]
    public void Reference_solution_scores_full_marks(string slug)
    {
        var grader = GraderFor(slug);
        var folder = Path.Combine(Path.GetTempPath(), $"memkata-proof-{Guid.NewGuid():N}", "reference");
        try
        {
            var report = grader.Grade(ReferenceSubmission.Create(grader.Exercise, folder));

            Assert.Multiple(() =>
            {
                Assert.That(report.Outcome, Is.EqualTo(GradeOutcome.Graded), string.Join('\n', report.Problems.Concat<object>(report.Notes)));
                Assert.That(report.Score, Is.EqualTo(report.MaxScore), Failures(report));
                Assert.That(report.Tests.Where(t => t.Status is TestStatus.Crashed or TestStatus.DidNotRun), Is.Empty, Failures(report));
                Assert.That(report.Problems.Where(p => p.IsError), Is.Empty);
            });
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [TestCaseSource(nameof(Exercises))]
    public void Stub_scores_zero_without_crashing_the_grader(string slug)
    {
        var grader = GraderFor(slug);

        var report = grader.Grade(grader.Exercise.ExerciseDirectory);

        Assert.Multiple(() =>
        {
            Assert.That(report.Outcome, Is.EqualTo(GradeOutcome.Graded), string.Join('\n', report.Problems.Concat<object>(report.Notes)));
            Assert.That(report.Score, Is.Zero, Failures(report));
            Assert.That(report.Bonus, Is.Zero);
            Assert.That(report.TasksAttempted, Is.Zero, "the stub attempts no task");
            Assert.That(report.Tests.Where(t => t.Status is TestStatus.Crashed or TestStatus.DidNotRun), Is.Empty, Failures(report));
        });
    }

    [TestCaseSource(nameof(Samples))]
    public void Sample_submission_gets_its_recorded_result(string slug, string sample)
    {
        var folder = Path.Combine(TestData.RealRepository, "tests", "testdata", "submissions", slug, sample);

        var report = GraderFor(slug).Grade(SampleSubmission.Materialize(folder));

        var expected = ExpectedResult.Load(folder);
        expected.AssertMatches(report);
        if (sample.StartsWith(AdversarialPrefix, StringComparison.Ordinal))
        {
            expected.AssertContained(report, StubScore(slug), sample);
        }
    }

    private const string AdversarialPrefix = "adversarial-";

    /// <summary>The score of the exercise's <c>stub</c> sample (0 when it has none): what an adversarial sample without a
    /// <c>ceiling</c> may get at most.</summary>
    internal static double StubScore(string slug)
    {
        var stub = Path.Combine(TestData.RealRepository, "tests", "testdata", "submissions", slug, "stub");
        return Directory.Exists(stub) ? ExpectedResult.Load(stub).Score : 0;
    }

    private static Grader GraderFor(string slug) =>
        _graders.GetOrAdd(slug, s => new Lazy<Grader>(() =>
            new Grader(ExerciseLayout.Load(TestData.RealRepository, s), GradingOptions.Default))).Value;

    private static IEnumerable<string> GradedSlugs()
    {
        var exercises = Path.Combine(TestData.RealRepository, "exercises");
        return Directory.Exists(exercises)
            ? Directory.GetDirectories(exercises).Select(Path.GetFileName).OfType<string>()
                .Where(slug => File.Exists(Path.Combine(TestData.RealRepository, "graders", slug, "grader.json")))
                .Order(StringComparer.Ordinal)
            : [];
    }

    private static string Failures(GradeReport report) =>
        string.Join('\n', report.Tests.Where(t => t.Status != TestStatus.Passed && t.Kind != TestKind.Report)
            .Take(20).Select(t => $"{t.Name}: {t.Status}: {t.Message?.Split('\n')[0]}"));
}
