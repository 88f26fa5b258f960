using System.Text;
using Microsoft.CodeAnalysis;

namespace MemKata.Analyzers.Internal;

/// <summary>Names of symbols as the rules compare them: by metadata name, so no MemKata assembly is needed.</summary>
internal static class SymbolNames
{
    /// <summary>The namespace a symbol lives in, dotted (<c>System.IO</c>); empty for the global namespace.</summary>
    public static string NamespaceOf(ISymbol symbol)
    {
        var ns = symbol as INamespaceSymbol ?? symbol.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString();
    }

    /// <summary>True if <paramref name="namespaceName"/> is <paramref name="root"/> or a namespace below it.</summary>
    public static bool IsUnder(string namespaceName, string root) =>
        namespaceName == root
        || (namespaceName.Length > root.Length && namespaceName.StartsWith(root, System.StringComparison.Ordinal)
            && namespaceName[root.Length] == '.');

    /// <summary>The full metadata name of a type: <c>System.Collections.Generic.List`1</c>, nested types joined with
    /// <c>+</c> as reflection does.</summary>
    public static string FullMetadataName(ITypeSymbol type)
    {
        var builder = new StringBuilder(type.MetadataName);
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            builder.Insert(0, '+').Insert(0, outer.MetadataName);
        }

        var ns = NamespaceOf(type);
        if (ns.Length > 0)
        {
            builder.Insert(0, '.').Insert(0, ns);
        }

        return builder.ToString();
    }

    /// <summary>True if <paramref name="type"/> or a type it is nested in has one of the given full metadata names.</summary>
    public static bool IsOrIsNestedIn(ITypeSymbol? type, params string[] fullMetadataNames)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var name = FullMetadataName(current);
            foreach (var candidate in fullMetadataNames)
            {
                if (name == candidate)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>How a learner reads a symbol in a message: <c>File.ReadAllText</c>, <c>FileStream</c>.</summary>
    public static string Display(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol ns => ns.ToDisplayString(),
        ITypeSymbol type => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
        IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => "new " + ctor.ContainingType.Name,
        _ when symbol.ContainingType is { } type => type.Name + "." + symbol.Name,
        _ => symbol.Name,
    };
}
