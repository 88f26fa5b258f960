using System.Collections.Immutable;
using MemKata.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Runner.Tests;

// An analyzer that crashes must not let code through: a crash of an analyzer with a blocking rule rejects the
// submission; a crash of an advisory one is only noted.
public class LearnerCodeAnalysisFailClosedTests
{
    [TestCase(DiagnosticSeverity.Error, true)]
    [TestCase(DiagnosticSeverity.Info, false)]
    public async Task A_crashed_analyzer_rejects_only_if_it_owns_a_blocking_rule(DiagnosticSeverity severity, bool rejected)
    {
        var tree = CSharpSyntaxTree.ParseText("class Quiet { }", path: "/submission/Quiet.cs");
        var compilation = CSharpCompilation.Create("Submission", [tree], LearnerSources.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var report = await LearnerCodeAnalysis.AnalyzeAsync(compilation, [tree], [new CrashingAnalyzer(severity)], CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.AnalyzerFailures, Is.Not.Empty, "the crash is reported");
            Assert.That(report.BlockingAnalyzerFailed, Is.EqualTo(rejected));
            Assert.That(report.IsRejected, Is.EqualTo(rejected));
        }
    }

#pragma warning disable RS1036, RS1041, RS2008 // A test double, never loaded by a compiler: no release tracking, no netstandard.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CrashingAnalyzer(DiagnosticSeverity severity) : DiagnosticAnalyzer
    {
        private readonly DiagnosticDescriptor _rule = new("MK9999", "Crash", "Crash", "Test", severity, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [_rule];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("the analyzer's own bug"));
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}
