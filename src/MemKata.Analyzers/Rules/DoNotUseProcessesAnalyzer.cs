using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0003: learner code may not start, find or inspect operating-system processes.</summary>
/// <remarks>Forbidden: <c>System.Diagnostics.Process</c>, <c>ProcessStartInfo</c>, <c>ProcessModule</c>,
/// <c>ProcessThread</c> and their collections.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotUseProcessesAnalyzer : SymbolUsageAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        RuleIdentifiers.DoNotUseProcesses,
        "Do not start or inspect processes",
        "'{0}' starts or inspects an operating-system process. Your code runs inside a simulated process whose only "
        + "system calls are IProcessMemory's (Sbrk, Brk, Mmap, Munmap, Mremap): use those.",
        RuleCategories.Sandbox,
        DiagnosticSeverity.Error,
        "A started process escapes every limit the grader sets (time, memory, files); inspecting the current one tells "
        + "code that it is being graded.");

    private static readonly string[] ForbiddenTypes =
    [
        "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo", "System.Diagnostics.ProcessModule",
        "System.Diagnostics.ProcessModuleCollection", "System.Diagnostics.ProcessThread",
        "System.Diagnostics.ProcessThreadCollection",
    ];

    /// <inheritdoc />
    protected override DiagnosticDescriptor Rule => Descriptor;

    /// <inheritdoc />
    protected override bool Matches(ISymbol symbol) =>
        SymbolNames.IsOrIsNestedIn(symbol as ITypeSymbol ?? symbol.ContainingType, ForbiddenTypes)
        || (symbol is not ITypeSymbol && SymbolNames.IsOrIsNestedIn(SymbolNames.ValueTypeOf(symbol), ForbiddenTypes));
}
