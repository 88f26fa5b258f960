using System.Collections.Generic;
using MemKata.Analyzers.Allowlist;
using Microsoft.CodeAnalysis;

namespace MemKata.Analyzers.Internal;

/// <summary>Names Roslyn symbols as the allowlist does (<see cref="ApiName"/>): the type path from the symbol's
/// containers, the member name and signature from Roslyn's own documentation-comment ID.</summary>
internal static class SymbolApiNames
{
    /// <summary>The allowlist name of a type or member (its original definition), or null for a symbol the allowlist
    /// cannot name (a namespace, a local, an error type): the caller treats null as not allowed.</summary>
    public static ApiName? Of(ISymbol symbol)
    {
        symbol = symbol.OriginalDefinition;
        if (symbol is INamedTypeSymbol type)
        {
            return type.TypeKind == TypeKind.Error ? null : new ApiName(SymbolNames.NamespaceOf(type), TypePath(type));
        }

        var kind = symbol.Kind switch
        {
            SymbolKind.Method => 'M',
            SymbolKind.Property => 'P',
            SymbolKind.Field => 'F',
            SymbolKind.Event => 'E',
            _ => '\0',
        };
        if (kind == '\0' || symbol.ContainingType is not { } container || container.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var path = TypePath(container);
        var ns = SymbolNames.NamespaceOf(container);
        var prefix = kind + ":" + (ns.Length == 0 ? "" : ns + ".") + string.Join(".", path) + ".";
        var id = symbol.GetDocumentationCommentId();
        if (id is null || !id.StartsWith(prefix, System.StringComparison.Ordinal))
        {
            return null;
        }

        // After the type: name[``arity][(parameters)][~return type].
        var rest = id.Substring(prefix.Length);
        var end = rest.IndexOfAny(['(', '~']);
        var name = end < 0 ? rest : rest.Substring(0, end);
        var signature = end < 0 ? string.Empty : rest.Substring(end);
        var arityMark = name.IndexOf("``", System.StringComparison.Ordinal);
        var arity = arityMark < 0 ? 0 : int.Parse(name.Substring(arityMark + 2), System.Globalization.CultureInfo.InvariantCulture);
        return new ApiName(kind, ns, path, arityMark < 0 ? name : name.Substring(0, arityMark), arity, signature);
    }

    private static List<string> TypePath(INamedTypeSymbol type)
    {
        var path = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            path.Insert(0, current.MetadataName);
        }

        return path;
    }
}
