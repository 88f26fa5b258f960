using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0007: learner code may not start threads, queue work to the thread pool, or set timers.</summary>
/// <remarks>Forbidden: <c>Thread</c>, <c>ThreadPool</c>, <c>System.Threading.Timer</c>, <c>PeriodicTimer</c>, everything
/// in <c>System.Timers</c>, <c>Parallel</c>, <c>TaskFactory</c> (so <c>Task.Factory.StartNew</c>), <c>Task.Run</c> and
/// <c>Task.Start</c>. <c>async</c>/<c>await</c> and <c>lock</c> are not reported.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotUseThreadsOrTimersAnalyzer : SymbolUsageAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        RuleIdentifiers.DoNotUseThreadsOrTimers,
        "Do not start threads or timers",
        "'{0}' runs code on another thread or on a timer. The allocator is single-threaded, like glibc's main arena in a "
        + "one-thread program, and the grader calls it one operation at a time: do the work inside the call itself.",
        RuleCategories.Sandbox,
        DiagnosticSeverity.Error,
        "Background work outlives the test that started it, makes results depend on timing, and can keep running after "
        + "the grader has checked the heap.");

    private static readonly string[] ForbiddenTypes =
    [
        "System.Threading.Thread", "System.Threading.ThreadPool", "System.Threading.Timer", "System.Threading.PeriodicTimer",
        "System.Threading.Tasks.Parallel", "System.Threading.Tasks.TaskFactory", "System.Threading.Tasks.TaskFactory`1",
    ];

    /// <inheritdoc />
    protected override DiagnosticDescriptor Rule => Descriptor;

    /// <inheritdoc />
    protected override bool Matches(ISymbol symbol)
    {
        if (SymbolNames.IsMember(symbol, "System.Threading.Tasks.Task", "Run")
            || SymbolNames.IsMember(symbol, "System.Threading.Tasks.Task`1", "Run")
            || SymbolNames.IsMember(symbol, "System.Threading.Tasks.Task", "Start"))
        {
            return true;
        }

        return IsForbidden(symbol as ITypeSymbol ?? symbol.ContainingType)
            || (symbol is not ITypeSymbol && IsForbidden(SymbolNames.ValueTypeOf(symbol)));
    }

    private static bool IsForbidden(ITypeSymbol? type) =>
        type is not null
        && (SymbolNames.IsOrIsNestedIn(type, ForbiddenTypes) || SymbolNames.IsUnder(SymbolNames.NamespaceOf(type), "System.Timers"));
}
