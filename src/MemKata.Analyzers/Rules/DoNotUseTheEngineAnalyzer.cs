using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0009: learner code may use <c>MemKata.Contracts</c> only, never the reference engine.</summary>
/// <remarks>Reported: any namespace, type or member under <c>MemKata.Engine</c>, including <c>using</c> directives, and
/// names that start with <c>MemKata.Engine</c> even when the engine is not referenced (the grader builds without it).</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotUseTheEngineAnalyzer : SymbolUsageAnalyzer
{
    private const string EngineNamespace = "MemKata.Engine";

    private static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        RuleIdentifiers.DoNotUseTheEngine,
        "Use MemKata.Contracts only, not the reference engine",
        "'{0}' is part of the reference engine (MemKata.Engine). Exercises are solved against MemKata.Contracts only "
        + "(IAllocator, IProcessMemory, Syscall, Errno): the engine's allocator and kernel are the answers, and the grader "
        + "builds submissions without them.",
        RuleCategories.Integrity,
        DiagnosticSeverity.Error,
        "A submission that wraps or copies the reference implementation passes every test without doing the exercise.");

    /// <inheritdoc />
    protected override DiagnosticDescriptor Rule => Descriptor;

    /// <inheritdoc />
    protected override bool AnalyzeUsingDirectives => true;

    /// <inheritdoc />
    protected override bool Matches(ISymbol symbol) => SymbolNames.IsUnder(SymbolNames.NamespaceOf(symbol), EngineNamespace);

    /// <inheritdoc />
    protected override bool MatchesUnresolved(string qualifiedName) =>
        SymbolNames.IsUnder(qualifiedName, EngineNamespace) || qualifiedName.StartsWith(EngineNamespace + ".", System.StringComparison.Ordinal);
}
