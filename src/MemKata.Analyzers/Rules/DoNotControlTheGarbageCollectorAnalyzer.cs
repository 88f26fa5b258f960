using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0008: learner code may not control the .NET garbage collector.</summary>
/// <remarks>Forbidden: <c>GC</c>, <c>GCSettings</c>, <c>GCHandle</c> (and the generic, pinned and weak handles),
/// <c>MemoryFailPoint</c> and <c>DependentHandle</c>.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotControlTheGarbageCollectorAnalyzer : SymbolUsageAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        RuleIdentifiers.DoNotControlTheGarbageCollector,
        "Do not control the garbage collector",
        "'{0}' controls the .NET garbage collector. Your heap lives in simulated memory, which the .NET GC neither sees "
        + "nor frees: keep freed blocks on your own free lists and give memory back with IProcessMemory.Munmap or Sbrk.",
        RuleCategories.Sandbox,
        DiagnosticSeverity.Error,
        "The .NET GC manages the grader's memory, not the simulated process's. Forcing collections or pinning objects "
        + "changes the grader's timing and memory use and never frees a simulated byte.");

    private static readonly string[] ForbiddenTypes =
    [
        "System.GC", "System.Runtime.GCSettings", "System.Runtime.InteropServices.GCHandle",
        "System.Runtime.InteropServices.GCHandle`1", "System.Runtime.InteropServices.PinnedGCHandle`1",
        "System.Runtime.InteropServices.WeakGCHandle`1", "System.Runtime.MemoryFailPoint", "System.Runtime.DependentHandle",
    ];

    /// <inheritdoc />
    protected override DiagnosticDescriptor Rule => Descriptor;

    /// <inheritdoc />
    protected override bool Matches(ISymbol symbol) =>
        SymbolNames.IsOrIsNestedIn(symbol as ITypeSymbol ?? symbol.ContainingType, ForbiddenTypes);
}
