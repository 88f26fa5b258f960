using System.Collections.Immutable;
using MemKata.Analyzers.Rules;
using Microsoft.CodeAnalysis;

namespace MemKata.Analyzers.Runner;

/// <summary>What the analyzers found in a submission: the grader's input for "refuse to run", feedback and progress.</summary>
public sealed class LearnerCodeReport
{
    /// <summary>Creates a report (normally made by <see cref="LearnerCodeAnalysis"/>).</summary>
    public LearnerCodeReport(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<Diagnostic> compilerErrors,
        ImmutableArray<Diagnostic> analyzerFailures, bool blockingAnalyzerFailed = false)
    {
        Diagnostics = diagnostics;
        CompilerErrors = compilerErrors;
        AnalyzerFailures = analyzerFailures;
        BlockingAnalyzerFailed = blockingAnalyzerFailed;
        UnimplementedMembers = diagnostics
            .Where(d => d.Id == RuleIdentifiers.TaskNotImplemented)
            .Select(d => new UnimplementedMember(
                d.Properties.TryGetValue(TaskNotImplementedAnalyzer.MemberProperty, out var name) && name is not null ? name : "?",
                d.Location.GetLineSpan().Path,
                d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .ToImmutableArray();
    }

    /// <summary>Every MemKata diagnostic in the learner's files, in file and position order, including those the learner
    /// suppressed in source (<see cref="Diagnostic.IsSuppressed"/> is then true; they count all the same).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The compiler's errors in the learner's files (the analyzers still ran on what could be bound).</summary>
    public ImmutableArray<Diagnostic> CompilerErrors { get; }

    /// <summary>Analyzers that crashed (<c>AD0001</c>): the analysis is incomplete, and that is the analyzers' bug, not the
    /// learner's. Empty when all went well.</summary>
    public ImmutableArray<Diagnostic> AnalyzerFailures { get; }

    /// <summary>True if an analyzer with a blocking rule (error severity) crashed: what it did not look at could be
    /// anything, so the submission must not run (fail closed).</summary>
    public bool BlockingAnalyzerFailed { get; }

    /// <summary>The members whose body still throws <c>NotImplementedException</c> (MK0013), in file order.</summary>
    public ImmutableArray<UnimplementedMember> UnimplementedMembers { get; }

    /// <summary>The diagnostics of error severity (sandbox and integrity rules): the submission must not run.</summary>
    public ImmutableArray<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    /// <summary>True if any rule of error severity fired, suppressed or not, or an analyzer with such a rule crashed: the
    /// grader refuses to run the submission.</summary>
    public bool IsRejected => BlockingAnalyzerFailed || Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>A member still throwing <c>NotImplementedException</c>: a task not started.</summary>
/// <param name="Name"><c>Type.Member</c>, e.g. <c>MyAllocator.Malloc</c> (accessors end in <c>.get</c>/<c>.set</c>,
/// constructors are <c>Type..ctor</c>).</param>
/// <param name="FilePath">The file, as the syntax tree names it.</param>
/// <param name="Line">The 1-based line of the member's name.</param>
public sealed record UnimplementedMember(string Name, string FilePath, int Line);
