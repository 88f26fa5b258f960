using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Runner;

/// <summary>
/// Runs every MemKata rule on a learner's submission, in the grader's process, before any of it executes.
/// </summary>
/// <remarks>
/// <para>Only the trees named as learner code are analyzed: the runner marks each with the analyzer option
/// <c>memkata_learner_code</c> (true for learner trees, false for every other tree), so whatever the submission's project
/// or <c>.editorconfig</c> says is ignored.</para>
/// <para>A learner cannot silence a rule: diagnostics suppressed in source (<c>#pragma warning disable</c>,
/// <c>[SuppressMessage]</c>) are reported all the same, with <see cref="Diagnostic.IsSuppressed"/> set, and the
/// compilation's own per-rule options for MK rules are dropped before analysis.</para>
/// <para>It fails closed: when an analyzer with a blocking rule (error severity) crashes, the report is rejected
/// (<see cref="LearnerCodeReport.BlockingAnalyzerFailed"/>), since the code it did not finish looking at could be
/// anything.</para>
/// </remarks>
public static class LearnerCodeAnalysis
{
    /// <summary>One instance of every MemKata analyzer, found in the analyzer assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
            && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>
    /// Compiles <paramref name="learnerTrees"/> alone (a library, unsafe code allowed so that it is reported as MK0006
    /// rather than as a compile error) against <paramref name="references"/>, and analyzes every tree as learner code.
    /// </summary>
    /// <param name="learnerTrees">The submission's C# files, parsed.</param>
    /// <param name="references">What the submission compiles against: the .NET reference assemblies and
    /// <c>MemKata.Contracts</c>.</param>
    /// <param name="cancellationToken">Stops the analysis.</param>
    public static Task<LearnerCodeReport> AnalyzeAsync(IEnumerable<SyntaxTree> learnerTrees,
        IEnumerable<MetadataReference> references, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(learnerTrees);
        ArgumentNullException.ThrowIfNull(references);
        var trees = learnerTrees.ToImmutableArray();
        var compilation = CSharpCompilation.Create("MemKata.Submission", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable));
        return AnalyzeAsync(compilation, trees, cancellationToken);
    }

    /// <summary>
    /// Analyzes the trees of <paramref name="compilation"/> that are in <paramref name="learnerTrees"/> as learner code;
    /// the compilation's other trees (a harness, hidden tests) are compiled with them but never reported on.
    /// </summary>
    /// <param name="compilation">The grader's compilation of the submission.</param>
    /// <param name="learnerTrees">The trees of <paramref name="compilation"/> that the learner wrote.</param>
    /// <param name="cancellationToken">Stops the analysis.</param>
    public static Task<LearnerCodeReport> AnalyzeAsync(Compilation compilation, IEnumerable<SyntaxTree> learnerTrees,
        CancellationToken cancellationToken = default) =>
        AnalyzeAsync(compilation, learnerTrees, Analyzers, cancellationToken);

    /// <summary>As <see cref="AnalyzeAsync(Compilation, IEnumerable{SyntaxTree}, CancellationToken)"/>, with other
    /// analyzers (tests: an analyzer that crashes).</summary>
    internal static async Task<LearnerCodeReport> AnalyzeAsync(Compilation compilation, IEnumerable<SyntaxTree> learnerTrees,
        ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(learnerTrees);
        var learner = learnerTrees.ToImmutableHashSet();
        var missing = learner.Where(tree => !compilation.ContainsSyntaxTree(tree)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"{missing.Count} learner tree(s) are not part of the compilation, e.g. '{missing[0].FilePath}'.",
                nameof(learnerTrees));
        }

        // Rules keep their default severities whatever the submission's options say.
        var options = compilation.Options;
        var specific = options.SpecificDiagnosticOptions.Where(pair => !pair.Key.StartsWith("MK", StringComparison.Ordinal));
        compilation = compilation.WithOptions(options.WithSpecificDiagnosticOptions(specific)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Default));

        var analyzerOptions = new AnalyzerOptions([], new LearnerTreeOptionsProvider(learner));
        var crashed = new System.Collections.Concurrent.ConcurrentBag<(DiagnosticAnalyzer Analyzer, Diagnostic Diagnostic)>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(analyzerOptions,
            onAnalyzerException: (_, analyzer, diagnostic) => crashed.Add((analyzer, diagnostic)), concurrentAnalysis: true,
            logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
        var analyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var failures = analyzerDiagnostics.Where(d => !d.Id.StartsWith("MK", StringComparison.Ordinal))
            .Concat(crashed.Select(c => c.Diagnostic)).Distinct();
        var blockingFailed = crashed.Any(c => c.Analyzer.SupportedDiagnostics.Any(d => d.DefaultSeverity == DiagnosticSeverity.Error));

        var compilerErrors = compilation.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && learner.Contains(tree));
        return new LearnerCodeReport(
            Sort(analyzerDiagnostics.Where(d => d.Id.StartsWith("MK", StringComparison.Ordinal))),
            Sort(compilerErrors),
            Sort(failures),
            blockingFailed);
    }

    private static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
        .ThenBy(d => d.Location.SourceSpan.Start)
        .ThenBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();
}
