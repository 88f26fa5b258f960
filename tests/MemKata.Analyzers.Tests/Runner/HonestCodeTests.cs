using MemKata.Analyzers.Runner;
using MemKata.Analyzers.Tests.Infrastructure;

namespace MemKata.Analyzers.Tests.Runner;

// Every reference solution, stub and honest sample passes the analyzers as the grader runs them (compiled alone, against
// .NET and MemKata.Contracts): nothing an honest learner writes is refused. The image check's half of this is in
// tests/MemKata.Analyzers.Runner.Tests.
public class HonestCodeTests
{
    public static IEnumerable<TestCaseData> HonestFiles() => LearnerSources.Honest().Select(path => new TestCaseData(path).SetName(path));

    public static IEnumerable<TestCaseData> RejectedFiles() =>
        LearnerSources.RejectedAdversarial().Select(path => new TestCaseData(path).SetName(path));

    [TestCaseSource(nameof(HonestFiles))]
    public async Task Honest_code_is_not_rejected(string path)
    {
        var (compilation, learner) = LearnerSources.Compile(path);

        var report = await LearnerCodeAnalysis.AnalyzeAsync(compilation, [learner]);

        var errors = report.Errors.Where(d => !(LearnerSources.UsesTheEngine(path) && CallsTheEngine(d)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.CompilerErrors.Select(d => d.ToString()), Is.Empty, "compiler errors");
            Assert.That(errors.Select(d => d.ToString()), Is.Empty, "blocking diagnostics");
            Assert.That(report.AnalyzerFailures.Select(d => d.ToString()), Is.Empty, "analyzer failures");
        }
    }

    private static bool CallsTheEngine(Microsoft.CodeAnalysis.Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(MemKata.Analyzers.Rules.UseOnlyTheAllowedApiAnalyzer.SymbolProperty, out var id)
        && id is not null && id[2..].StartsWith("MemKata.Engine.", StringComparison.Ordinal);

    [TestCaseSource(nameof(RejectedFiles))]
    public async Task An_adversarial_sample_the_grader_refused_is_still_refused(string path)
    {
        var (compilation, learner) = LearnerSources.Compile(path);

        var report = await LearnerCodeAnalysis.AnalyzeAsync(compilation, [learner]);

        Assert.That(report.IsRejected || !report.CompilerErrors.IsEmpty, Is.True,
            "neither rejected nor a compile error: " + string.Join("; ", report.Diagnostics));
    }
}
