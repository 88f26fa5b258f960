using MemKata.Analyzers.Runner;
using MemKata.Grading.Worker.Protocol;
using Microsoft.CodeAnalysis;

namespace MemKata.Grading.Worker.Compiling;

/// <summary>
/// The analyzers of <c>src/MemKata.Analyzers</c> in the compile job: runs every MemKata rule on the learner's trees
/// (<c>LearnerCodeAnalysis</c>) before anything of the submission executes. A rule of error severity (an API outside the
/// allowlist, MK0001; unsafe code, dynamic, extern, module initializers..., MK0006) rejects the submission, even when the
/// learner suppressed it in source; the other rules are advice in the report. An analyzer that crashes is the grader's
/// bug, not the learner's, but it fails closed: if it owns a blocking rule, the submission is rejected (its code was not
/// fully checked); a crash of an advisory analyzer is a warning.
/// </summary>
internal static class AnalyzerCheck
{
    /// <summary>What the analyzers find in the learner's <paramref name="learnerTrees"/> of
    /// <paramref name="compilation"/>.</summary>
    public static IReadOnlyList<CompileProblem> Check(Compilation compilation, IReadOnlyList<SyntaxTree> learnerTrees, CancellationToken cancel)
    {
        var report = LearnerCodeAnalysis.AnalyzeAsync(compilation, learnerTrees, cancel).GetAwaiter().GetResult();
        var problems = report.Diagnostics.Select(d => ToProblem(d, d.Severity == DiagnosticSeverity.Error)).ToList();
        problems.AddRange(report.AnalyzerFailures.Select(d => new CompileProblem(
            null, null, null, d.Id,
            report.BlockingAnalyzerFailed
                ? $"an analyzer failed, so your code could not be fully checked and will not be run (the grader's bug, not yours; please report it): {Message(d)}"
                : $"an analyzer failed, so the advice before running is incomplete (the grader's problem, not yours): {Message(d)}",
            report.BlockingAnalyzerFailed)));
        return problems;
    }

    private static CompileProblem ToProblem(Diagnostic diagnostic, bool isError)
    {
        var span = diagnostic.Location.GetLineSpan();
        var inSource = diagnostic.Location.IsInSource;
        var suppressed = diagnostic.IsSuppressed ? " (suppressed in the source, which the grader does not honour)" : "";
        return new CompileProblem(
            inSource ? span.Path : null,
            inSource ? span.StartLinePosition.Line + 1 : null,
            inSource ? span.StartLinePosition.Character + 1 : null,
            diagnostic.Id,
            Message(diagnostic) + suppressed + $" See docs/rules/{diagnostic.Id}.md.",
            isError);
    }

    private static string Message(Diagnostic diagnostic) =>
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
