using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0002: learner code may not use reflection or generate code at run time.</summary>
/// <remarks>Forbidden: anything in <c>System.Reflection</c> (but its assembly-metadata attributes such as
/// <c>AssemblyVersionAttribute</c>, which the SDK generates, and the three <c>Assembly.Get*Assembly</c> methods, which are
/// MK0010's, and <c>MemberInfo.Name</c>, so that <c>value.GetType().Name</c> is fine), <c>System.Runtime.Loader</c> and <c>System.Linq.Expressions</c>; <c>Activator</c>;
/// <c>[UnsafeAccessor]</c> and <c>[UnsafeAccessorType]</c>; the type <c>dynamic</c>;
/// <c>Type.GetType(string…)</c> and <c>Type.InvokeMember</c>; any member that hands back a reflection object
/// (<c>typeof(T).GetMethod(…)</c>, <c>typeof(T).Assembly</c>).</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotUseReflectionAnalyzer : SymbolUsageAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        RuleIdentifiers.DoNotUseReflection,
        "Do not use reflection",
        "'{0}' is reflection: it reaches past the interfaces into code you cannot see (the reference engine, the tests, "
        + "the grader). Call IProcessMemory and IAllocator members directly: an allocator needs nothing it cannot name "
        + "when it is compiled.",
        RuleCategories.Sandbox,
        DiagnosticSeverity.Error,
        "Reflection can read private state of the grader, call the reference allocator, or load code the analyzers never "
        + "saw, so the grader refuses it.");

    private static readonly string[] ForbiddenNamespaces = ["System.Reflection", "System.Runtime.Loader", "System.Linq.Expressions"];

    /// <inheritdoc />
    protected override DiagnosticDescriptor Rule => Descriptor;

    /// <inheritdoc />
    protected override bool Matches(ISymbol symbol)
    {
        // value.GetType().Name is a name, not reflection.
        if (DoNotDetectTheGraderAnalyzer.IsCallerOrEntryAssemblyLookup(symbol)
            || SymbolNames.IsMember(symbol, "System.Reflection.MemberInfo", "Name"))
        {
            return false;
        }

        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
        {
            return IsForbidden(constructor.ContainingType);
        }

        if (symbol is ITypeSymbol type)
        {
            // dynamic binds members by name at run time: ((dynamic)memory).AnythingTheEngineHas().
            return type.TypeKind == TypeKind.Dynamic || IsForbidden(type);
        }

        if (SymbolNames.IsMember(symbol, "System.Type", "InvokeMember")
            || (SymbolNames.IsMember(symbol, "System.Type", "GetType") && symbol is IMethodSymbol { Parameters.Length: > 0 }))
        {
            return true;
        }

        return IsForbidden(symbol.ContainingType) || IsForbidden(SymbolNames.ValueTypeOf(symbol));
    }

    private static bool IsForbidden(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        // UnsafeAccessor reads private fields and calls private methods by name, as reflection does.
        if (SymbolNames.IsOrIsNestedIn(type, "System.Activator", "System.Runtime.CompilerServices.UnsafeAccessorAttribute",
                "System.Runtime.CompilerServices.UnsafeAccessorTypeAttribute"))
        {
            return true;
        }

        var ns = SymbolNames.NamespaceOf(type);
        foreach (var root in ForbiddenNamespaces)
        {
            if (SymbolNames.IsUnder(ns, root))
            {
                // Assembly metadata ([assembly: AssemblyVersion(...)]) is data, not reflection; the SDK generates it.
                return !(ns == "System.Reflection" && type.Name.StartsWith("Assembly", System.StringComparison.Ordinal)
                    && type.Name.EndsWith("Attribute", System.StringComparison.Ordinal));
            }
        }

        return false;
    }
}
