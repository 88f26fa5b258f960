using System.Collections.Immutable;
using MemKata.Analyzers.Runner;
using MemKata.Contracts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MemKata.Analyzers.Tests.Runner;

// The grader's entry point, run on sample submissions kept as data (Submissions/*.cs). Each file states in its first
// lines what the analysis must find: the rule IDs (suppressed or not), whether the grader must refuse to run it, which
// members are still unimplemented, and (optionally, "compiles: false") that the compiler already refuses it.
public class LearnerCodeAnalysisTests
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(IAllocator).Assembly.Location),
    ];

    private static string SubmissionsFolder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Runner", "Submissions");

    public static IEnumerable<TestCaseData> Submissions() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Runner", "Submissions"), "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileNameWithoutExtension(path)).SetName(Path.GetFileNameWithoutExtension(path)));

    [TestCaseSource(nameof(Submissions))]
    public async Task Sample_submission_gets_its_expected_analysis(string name)
    {
        var path = Path.Combine(SubmissionsFolder, name + ".cs");
        var text = await File.ReadAllTextAsync(path);
        var expected = Expectation.Parse(text);

        var report = await LearnerCodeAnalysis.AnalyzeAsync([Parse(text, path)], References);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Diagnostics.Select(d => d.Id).Distinct().Order(), Is.EqualTo(expected.Ids.Order()),
                "rule IDs: " + string.Join("; ", report.Diagnostics));
            Assert.That(report.IsRejected, Is.EqualTo(expected.Rejected), "rejected");
            Assert.That(report.UnimplementedMembers.Select(m => m.Name), Is.EqualTo(expected.Unimplemented), "unimplemented");
            Assert.That(report.AnalyzerFailures, Is.Empty, "analyzer failures");
            Assert.That(report.CompilerErrors.IsEmpty, Is.EqualTo(expected.Compiles), "compiles: " + string.Join("; ", report.CompilerErrors));
        }
    }

    [Test]
    public void There_is_one_analyzer_per_rule()
    {
        var ruleIds = typeof(RuleIdentifiers).GetFields().Select(f => (string)f.GetRawConstantValue()!).Order().ToList();
        var reported = LearnerCodeAnalysis.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Order().ToList();

        Assert.That(reported, Is.EqualTo(ruleIds));
    }

    [Test]
    public async Task Suppressing_in_source_does_not_hide_a_rule_from_the_grader()
    {
        var report = await LearnerCodeAnalysis.AnalyzeAsync([Parse("""
            class Leak
            {
            #pragma warning disable MK0001
                public string Read() => System.IO.File.ReadAllText("/graders/hidden.cs");
            #pragma warning restore MK0001
            }
            """)], References);

        Assert.That(report.Diagnostics, Has.Exactly(1).Matches<Diagnostic>(d => d.Id == "MK0001" && d.IsSuppressed));
        Assert.That(report.IsRejected, Is.True);
    }

    [Test]
    public async Task The_compilations_own_options_cannot_turn_a_rule_off()
    {
        var tree = Parse("""class Quitter { public void Quit() => System.Environment.Exit(1); }""");
        var compilation = CSharpCompilation.Create("Submission", [tree], References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                specificDiagnosticOptions: [new("MK0001", ReportDiagnostic.Suppress)]));

        var report = await LearnerCodeAnalysis.AnalyzeAsync(compilation, [tree]);

        Assert.That(report.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "MK0001" }));
    }

    [Test]
    public async Task Only_the_learners_trees_are_reported_on()
    {
        var learner = Parse("""class Mine { public void Quit() => System.Environment.Exit(1); }""", "/submission/Mine.cs");
        var harness = Parse("""class Harness { public void Quit() => System.Environment.Exit(2); }""", "/grader/Harness.cs");
        var compilation = CSharpCompilation.Create("Graded", [learner, harness], References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var report = await LearnerCodeAnalysis.AnalyzeAsync(compilation, [learner]);

        Assert.That(report.Diagnostics.Select(d => d.Location.SourceTree!.FilePath), Is.EqualTo(new[] { "/submission/Mine.cs" }));
    }

    [Test]
    public void A_learner_tree_missing_from_the_compilation_is_the_callers_mistake()
    {
        var compilation = CSharpCompilation.Create("Graded", [], References);

        Assert.ThrowsAsync<ArgumentException>(() => LearnerCodeAnalysis.AnalyzeAsync(compilation, [Parse("class A { }")]));
    }

    [Test]
    public async Task Compile_errors_in_the_learners_code_are_reported_beside_the_rules()
    {
        var report = await LearnerCodeAnalysis.AnalyzeAsync([Parse("class Broken { public int F() => undefinedName; }")], References);

        Assert.That(report.CompilerErrors.Select(d => d.Id), Is.EqualTo(new[] { "CS0103" }));
        Assert.That(report.IsRejected, Is.False);
    }

    [Test]
    public async Task Analyzing_the_whole_engine_as_learner_code_crashes_no_analyzer()
    {
        var sources = new[] { "MemKata.Contracts", "MemKata.Engine" }
            .SelectMany(project => Directory.GetFiles(Path.Combine(Infrastructure.Repository.Root, "src", project), "*.cs",
                SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var trees = sources.Select(path => Parse(File.ReadAllText(path), path)).ToList();
        var globalUsings = Parse("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; "
            + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
            "/GlobalUsings.cs");

        var report = await LearnerCodeAnalysis.AnalyzeAsync([.. trees, globalUsings], Basic.Reference.Assemblies.Net100.References.All);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(trees, Has.Count.GreaterThan(30));
            Assert.That(report.CompilerErrors, Is.Empty);
            Assert.That(report.AnalyzerFailures, Is.Empty);
            Assert.That(report.Diagnostics.Select(d => d.Id), Does.Contain("MK0001"), "the engine uses more than learners may");
        }
    }

    private static SyntaxTree Parse(string text, string path = "/submission/Submission.cs") =>
        CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path);

    private sealed record Expectation(IReadOnlyList<string> Ids, bool Rejected, IReadOnlyList<string> Unimplemented, bool Compiles)
    {
        public static Expectation Parse(string text)
        {
            var header = text.Split('\n').TakeWhile(line => line.StartsWith("//", StringComparison.Ordinal))
                .Select(line => line.TrimStart('/').Trim())
                .Where(line => line.Contains(':', StringComparison.Ordinal))
                .ToDictionary(line => line[..line.IndexOf(':', StringComparison.Ordinal)],
                    line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
            return new Expectation(List(header["expected-ids"]), bool.Parse(header["rejected"]), List(header["unimplemented"]),
                !header.TryGetValue("compiles", out var compiles) || !compiles.StartsWith("false", StringComparison.Ordinal));
        }

        private static List<string> List(string value) =>
            value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }
}
