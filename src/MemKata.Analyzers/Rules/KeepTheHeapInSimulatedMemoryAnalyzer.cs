using System.Collections.Concurrent;
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
/// <c>System.Collections.Concurrent</c>; not reported: a <c>static readonly</c> lookup table, and an array field
/// given a small constant-size array in its declaration or a constructor (bin heads, as glibc's arena keeps them);</item>
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

            // Per allocator type: first its array creations (noting the fields given a small constant table), then, at
            // the end of the type, its fields.
            start.RegisterSymbolStartAction(typeStart =>
            {
                var type = (INamedTypeSymbol)typeStart.Symbol;
                if (!ComponentTypes.ImplementsOrIsNestedInImplementer(type, allocator))
                {
                    return;
                }

                var tables = new ConcurrentDictionary<IFieldSymbol, bool>(SymbolEqualityComparer.Default);
                typeStart.RegisterOperationAction(c => AnalyzeArrayCreation(c, type, tables), OperationKind.ArrayCreation);
                typeStart.RegisterSymbolEndAction(c => AnalyzeFields(c, type, tables));
            }, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeFields(SymbolAnalysisContext context, INamedTypeSymbol type, ConcurrentDictionary<IFieldSymbol, bool> tables)
    {
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            // An auto-property is looked at through its backing field, and reported on the property.
            var named = field.AssociatedSymbol ?? field;
            if (!IsHeapField(field) || tables.ContainsKey(field) || named.Locations.Length == 0
                || named.Locations[0].SourceTree is not { } tree || !LearnerCode.IsLearnerCode(context.Options, tree))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, named.Locations[0], named.Name,
                field.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }
    }

    /// <summary>The compiler-made field behind an auto-property, or null for a property with its own accessors.</summary>
    internal static IFieldSymbol? BackingField(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

    private static void AnalyzeArrayCreation(OperationAnalysisContext context, INamedTypeSymbol type,
        ConcurrentDictionary<IFieldSymbol, bool> tables)
    {
        var creation = (IArrayCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(context.ContainingSymbol.ContainingType, type)
            || !LearnerCode.IsLearnerCode(context.Options, creation.Syntax.SyntaxTree))
        {
            return;
        }

        var large = IsLarge(creation);
        var fields = InitializedFields(creation, context.ContainingSymbol);
        if (fields.Length > 0)
        {
            // A small constant table in a field (bin heads, as glibc's arena has) is fine; a large one is reported
            // once, on the field.
            foreach (var field in fields)
            {
                if (!large)
                {
                    tables.TryAdd(field, true);
                }
            }

            if (fields.Any(IsHeapField))
            {
                return;
            }
        }

        if (large)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), creation.Syntax.ToString(), "array"));
        }
    }

    private static bool IsHeapField(IFieldSymbol field) => !field.IsConst && !(field.IsStatic && field.IsReadOnly) && IsStore(field.Type);

    private static bool IsStore(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        return SymbolNames.IsOrIsNestedIn(type.OriginalDefinition, StoreTypes)
            || SymbolNames.IsUnder(SymbolNames.NamespaceOf(type), "System.Collections.Concurrent");
    }

    /// <summary>The fields (auto-properties: their backing fields) that <paramref name="creation"/> initializes, in their
    /// declaration or by an assignment in a constructor.</summary>
    private static ImmutableArray<IFieldSymbol> InitializedFields(IOperation creation, ISymbol containingSymbol)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IFieldInitializerOperation fields => fields.InitializedFields,
            IPropertyInitializerOperation properties => properties.InitializedProperties
                .Select(BackingField).Where(f => f is not null).Select(f => f!).ToImmutableArray(),
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation field }
                when containingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } =>
                ImmutableArray.Create(field.Field.OriginalDefinition),
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property }
                when containingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }
                    && BackingField(property.Property.OriginalDefinition) is { } backing =>
                ImmutableArray.Create(backing),
            _ => ImmutableArray<IFieldSymbol>.Empty,
        };
    }

    private static bool IsLarge(IArrayCreationOperation creation)
    {
        var bytes = creation.Type is IArrayTypeSymbol array ? (double)ElementBytes(array.ElementType) : 8;
        foreach (var size in creation.DimensionSizes)
        {
            if (size.ConstantValue is not { HasValue: true, Value: { } value })
            {
                return true;
            }

            bytes *= System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return bytes >= LargeArrayBytes;
    }

    private static long ElementBytes(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Boolean => 1,
        SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char => 2,
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Single => 4,
        _ => 8,
    };
}
