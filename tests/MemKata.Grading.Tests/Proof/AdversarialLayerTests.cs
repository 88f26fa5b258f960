using System.Collections.Concurrent;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Tests.Support;
using MemKata.Tests.Shared;

namespace MemKata.Grading.Tests.Proof;

/// <summary>
/// Issue 10: every attack is stopped by at least two independent layers. <see cref="ExerciseProofTests"/> grades each
/// adversarial sample the way <c>memkata grade</c> does, every layer on; this fixture grades it again with layers
/// switched off, where its <c>expected.json</c> says what it then gets:
/// <list type="bullet">
/// <item><c>without_analyzers</c>: the analyzers off, the image check on (<see cref="GradingOptions.ImageCheckOnly"/>):
/// the second static layer, by another mechanism (the emitted image's metadata), alone.</item>
/// <item><c>without_static_checks</c>: the analyzers and the image check off (<see cref="GradingOptions.SandboxOnly"/>):
/// what stands without the allowlist, the compiler, the membrane, the sandbox and the process layer.</item>
/// </list>
/// Each such run must match what the file records and stay contained (no more than the sample's honest ceiling).
/// </summary>
public sealed class AdversarialLayerTests
{
    private static readonly ConcurrentDictionary<(string, bool), Lazy<Grader>> _graders = new();

    public static IEnumerable<TestCaseData> WithoutAnalyzers() => Samples(e => e.WithoutAnalyzers is not null);

    public static IEnumerable<TestCaseData> WithoutStaticChecks() => Samples(e => e.WithoutStaticChecks is not null);

    [TestCaseSource(nameof(WithoutAnalyzers))]
    public void The_image_check_alone_stops_it(string slug, string sample)
    {
        var (folder, expected) = Load(slug, sample);

        var report = GraderFor(slug, imageCheck: true).Grade(folder);

        expected.WithoutAnalyzers!.AssertMatches(report);
        expected.AssertContained(report, ExerciseProofTests.StubScore(slug), sample);
    }

    [TestCaseSource(nameof(WithoutStaticChecks))]
    public void The_runtime_layers_alone_contain_it(string slug, string sample)
    {
        var (folder, expected) = Load(slug, sample);

        var report = GraderFor(slug, imageCheck: false).Grade(folder);

        expected.WithoutStaticChecks!.AssertMatches(report);
        expected.AssertContained(report, ExerciseProofTests.StubScore(slug), sample);
        Assert.That(report.Outcome, Is.Not.EqualTo(GradeOutcome.Rejected), "nothing static ran, so nothing may reject");
    }

    private static (string Folder, ExpectedResult Expected) Load(string slug, string sample)
    {
        var folder = SampleSubmission.Materialize(Path.Combine(Submissions, slug, sample));
        return (folder, ExpectedResult.Load(folder));
    }

    private static string Submissions => Path.Combine(TestData.RealRepository, "tests", "testdata", "submissions");

    private static IEnumerable<TestCaseData> Samples(Func<ExpectedResult, bool> declares) =>
        Directory.GetDirectories(Submissions).Order(StringComparer.Ordinal).SelectMany(exercise =>
            Directory.GetDirectories(exercise, "adversarial-*").Order(StringComparer.Ordinal)
                .Where(sample => declares(ExpectedResult.Load(sample)))
                .Select(sample => new TestCaseData(Path.GetFileName(exercise), Path.GetFileName(sample))
                    .SetArgDisplayNames(Path.GetFileName(exercise), Path.GetFileName(sample))));

    private static Grader GraderFor(string slug, bool imageCheck) =>
        _graders.GetOrAdd((slug, imageCheck), key => new Lazy<Grader>(() => new Grader(
            ExerciseLayout.Load(TestData.RealRepository, key.Item1),
            key.Item2 ? GradingOptions.ImageCheckOnly : GradingOptions.SandboxOnly))).Value;
}
