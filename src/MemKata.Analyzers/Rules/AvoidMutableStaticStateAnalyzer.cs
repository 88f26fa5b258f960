using System.Collections.Immutable;
using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0012: learner code keeps no mutable static state.</summary>
/// <remarks>Reported: a static field that is neither <c>const</c> nor <c>readonly</c>; a static auto-property with a
/// setter; a <c>static readonly</c> field or get-only static auto-property whose type is a mutable collection (<c>List</c>, <c>Dictionary</c>,
/// <c>HashSet</c>, <c>Queue</c>, <c>Stack</c>, <c>LinkedList</c>, the sorted and concurrent collections). A
/// <c>static readonly</c> array (a lookup table) is not reported.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AvoidMutableStaticStateAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        RuleIdentifiers.AvoidMutableStaticState,
        "Avoid mutable static state",
        "'{0}' is mutable static state: it outlives the allocator instance, so one test's heap leaks into the next and "
        + "results depend on the order tests run in. Make it an instance field, or a const or static readonly value that "
        + "never changes.",
        RuleCategories.Design,
        DiagnosticSeverity.Warning,
        "Every test gets a fresh process and a fresh allocator. State kept in statics survives from one test to the next, "
        + "as if two processes shared a heap: tests pass alone and fail together, or the reverse.");

    private static readonly string[] MutableCollections =
    [
        "System.Collections.Generic.List`1", "System.Collections.Generic.LinkedList`1",
        "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.SortedDictionary`2",
        "System.Collections.Generic.SortedList`2", "System.Collections.Generic.SortedSet`1",
        "System.Collections.Generic.HashSet`1", "System.Collections.Generic.Queue`1", "System.Collections.Generic.Stack`1",
        "System.Collections.Generic.PriorityQueue`2",
    ];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterSymbolAction(AnalyzeMember, SymbolKind.Field, SymbolKind.Property);
    }

    private static void AnalyzeMember(SymbolAnalysisContext context)
    {
        var symbol = context.Symbol;
        if (!symbol.IsStatic || symbol.IsImplicitlyDeclared || symbol.Locations.Length == 0
            || symbol.Locations[0].SourceTree is not { } tree || !LearnerCode.IsLearnerCode(context.Options, tree))
        {
            return;
        }

        var mutable = symbol switch
        {
            IFieldSymbol field => !field.IsConst && (!field.IsReadOnly || IsMutableCollection(field.Type)),
            IPropertySymbol property => KeepTheHeapInSimulatedMemoryAnalyzer.BackingField(property) is not null
                && (property.SetMethod is not null || IsMutableCollection(property.Type)),
            _ => false,
        };
        if (mutable)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, symbol.Locations[0], symbol.Name));
        }
    }

    private static bool IsMutableCollection(ITypeSymbol type) =>
        SymbolNames.IsOrIsNestedIn(type.OriginalDefinition, MutableCollections)
        || SymbolNames.IsUnder(SymbolNames.NamespaceOf(type), "System.Collections.Concurrent");
}
