using System.Collections.Immutable;
using System.Linq;
using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0011: an allocator keeps its heap (blocks, headers, free lists) in the simulated memory, not in managed
/// arrays or collections.</summary>
/// <remarks>In a type that implements <c>MemKata.Contracts.IAllocator</c> (or is nested in one), reported:
/// <list type="bullet">
/// <item>an instance field, auto-property or non-readonly static field whose type is an array or a managed store:
/// <c>List&lt;T&gt;</c>, <c>LinkedList&lt;T&gt;</c>, <c>Dictionary&lt;K,V&gt;</c>, <c>SortedDictionary</c>,
/// <c>SortedList</c>, <c>SortedSet</c>, <c>HashSet</c>, <c>Queue</c>, <c>Stack</c>, <c>PriorityQueue</c>,
/// <c>Memory&lt;T&gt;</c>, <c>ArraySegment&lt;T&gt;</c>, <c>MemoryStream</c>, <c>BitArray</c>, anything in
/// <c>System.Collections.Concurrent</c> (a <c>static readonly</c> lookup table is not reported);</item>
/// <item><c>new T[n]</c> whose size is not a constant, or is one of 4096 bytes or more (small constant scratch arrays are
/// fine), unless it initializes a field already reported.</item>
/// </list></remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeepTheHeapInSimulatedMemoryAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Constant array sizes from this many bytes on count as a heap.</summary>
    internal const int LargeArrayBytes = 4096;

    private static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        RuleIdentifiers.KeepTheHeapInSimulatedMemory,
        "Keep the heap in the simulated memory",
        "'{0}' keeps allocator memory in a managed {1}. A real malloc keeps its headers and free lists inside the heap "
        + "itself, so that free(p) can read the block's size at p - 8 and the grader can walk your heap: get space with "
        + "IProcessMemory.Sbrk or Mmap and keep headers there with ReadWord/WriteWord.",
        RuleCategories.Design,
        DiagnosticSeverity.Warning,
        "The exercise is to manage the simulated process's memory. An allocator that hands out indexes into a .NET "
        + "array, or remembers sizes in a Dictionary, passes simple tests but fails every check that reads the heap.");

    private static readonly string[] StoreTypes =
    [
        "System.Collections.Generic.List`1", "System.Collections.Generic.LinkedList`1",
        "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.SortedDictionary`2",
        "System.Collections.Generic.SortedList`2", "System.Collections.Generic.SortedSet`1",
        "System.Collections.Generic.HashSet`1", "System.Collections.Generic.Queue`1", "System.Collections.Generic.Stack`1",
        "System.Collections.Generic.PriorityQueue`2", "System.Memory`1", "System.ArraySegment`1", "System.IO.MemoryStream",
        "System.Collections.BitArray",
    ];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var allocator = start.Compilation.GetTypeByMetadataName(ComponentTypes.AllocatorMetadataName);
            if (allocator is null)
            {
                return;
            }

            start.RegisterSymbolAction(c => AnalyzeMember(c, allocator), SymbolKind.Field, SymbolKind.Property);
            start.RegisterOperationAction(c => AnalyzeArrayCreation(c, allocator), OperationKind.ArrayCreation);
        });
    }

    private static void AnalyzeMember(SymbolAnalysisContext context, INamedTypeSymbol allocator)
    {
        // An auto-property is looked at through its backing field, and reported on the property.
        var field = context.Symbol as IFieldSymbol ?? BackingField((IPropertySymbol)context.Symbol);
        if (field is null || (context.Symbol is IFieldSymbol && field.IsImplicitlyDeclared) || !IsHeapField(field, allocator)
            || context.Symbol.Locations.Length == 0 || context.Symbol.Locations[0].SourceTree is not { } tree
            || !LearnerCode.IsLearnerCode(context.Options, tree))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, context.Symbol.Locations[0], context.Symbol.Name,
            field.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
    }

    /// <summary>The compiler-made field behind an auto-property, or null for a property with its own accessors.</summary>
    internal static IFieldSymbol? BackingField(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

    private static void AnalyzeArrayCreation(OperationAnalysisContext context, INamedTypeSymbol allocator)
    {
        var creation = (IArrayCreationOperation)context.Operation;
        if (!ComponentTypes.ImplementsOrIsNestedInImplementer(context.ContainingSymbol.ContainingType, allocator)
            || !LearnerCode.IsLearnerCode(context.Options, creation.Syntax.SyntaxTree)
            || InitializesHeapField(creation, allocator) || !IsLarge(creation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), creation.Syntax.ToString(), "array"));
    }

    private static bool IsHeapField(IFieldSymbol field, INamedTypeSymbol allocator) =>
        !field.IsConst && !(field.IsStatic && field.IsReadOnly) && IsStore(field.Type)
        && ComponentTypes.ImplementsOrIsNestedInImplementer(field.ContainingType, allocator);

    private static bool IsStore(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        return SymbolNames.IsOrIsNestedIn(type.OriginalDefinition, StoreTypes)
            || SymbolNames.IsUnder(SymbolNames.NamespaceOf(type), "System.Collections.Concurrent");
    }

    private static bool InitializesHeapField(IOperation creation, INamedTypeSymbol allocator)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IFieldInitializerOperation fields => fields.InitializedFields.Any(f => IsHeapField(f, allocator)),
            IPropertyInitializerOperation properties => properties.InitializedProperties.Any(p =>
                BackingField(p) is { } field && IsHeapField(field, allocator)),
            _ => false,
        };
    }

    private static bool IsLarge(IArrayCreationOperation creation)
    {
        long elements = 1;
        foreach (var size in creation.DimensionSizes)
        {
            if (!size.ConstantValue.HasValue || size.ConstantValue.Value is null)
            {
                return true;
            }

            elements *= System.Convert.ToInt64(size.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        var elementType = ((IArrayTypeSymbol)creation.Type!).ElementType;
        return elements * ElementBytes(elementType) >= LargeArrayBytes;
    }

    private static long ElementBytes(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Boolean => 1,
        SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char => 2,
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Single => 4,
        _ => 8,
    };
}
