using MemKata.Analyzers.Tests.Infrastructure;
using MemKata.Tests.Shared;
using Microsoft.CodeAnalysis;

namespace MemKata.Analyzers.Runner.Tests;

// The two layers are independent: every adversarial sample the analyzers refuse is also refused by the image check on
// its own (compiled as the grader compiles it, with no analyzer), so a gap in either layer still leaves the other.
public class AdversarialImageTests
{
    public static IEnumerable<TestCaseData> Adversarial() =>
        Directory.GetDirectories(Path.Combine(Repository.Root, "tests", "testdata", "submissions"))
            .SelectMany(Directory.GetDirectories)
            .Where(folder => Path.GetFileName(folder).StartsWith("adversarial-", StringComparison.Ordinal))
            .SelectMany(SampleSubmission.SourceFiles)
            .Select(path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetName(path));

    [TestCaseSource(nameof(Adversarial))]
    public async Task What_the_analyzers_refuse_the_image_check_refuses_too(string path)
    {
        var (analyzed, learner) = LearnerSources.Compile(path);
        var report = await LearnerCodeAnalysis.AnalyzeAsync(analyzed, [learner]);
        var (graded, _) = LearnerSources.Compile(path, allowUnsafe: false);
        using var image = new MemoryStream();
        if (!report.IsRejected || !graded.Emit(image).Success)
        {
            Assert.Pass(report.IsRejected ? "the compiler refuses it (no image)" : "the analyzers let it through: other layers stop it");
        }

        Assert.That(LearnerImageCheck.Check(image.ToArray()), Is.Not.Empty, string.Join("; ", report.Errors));
    }
}
