using System;
using System.Collections.Generic;
using System.Text;

namespace MemKata.Analyzers.Allowlist;

/// <summary>
/// The name of an API (a type, or a member of one) the way both layers of the allowlist see it: split into its
/// namespace, its type path and its member, and spelled as a documentation-comment ID (<c>T:System.Math</c>,
/// <c>M:System.Collections.Generic.List`1.Add(`0)</c>). The analyzer builds it from a Roslyn symbol, the image check from
/// metadata; <see cref="ApiAllowlist"/> decides on it without knowing which.
/// </summary>
public sealed class ApiName
{
    private readonly string[] _typePath;

    /// <summary>A type: <paramref name="typePath"/> is the outermost type first, each with its arity suffix
    /// (<c>List`1</c>), nested types after it (<c>["List`1", "Enumerator"]</c>).</summary>
    /// <param name="ns">The dotted namespace, empty for the global namespace.</param>
    /// <param name="typePath">The type's name and the names of the types it is nested in, outermost first.</param>
    public ApiName(string ns, IReadOnlyList<string> typePath)
        : this('T', ns, typePath, null, 0, string.Empty)
    {
    }

    /// <summary>A member of the type <paramref name="ns"/>.<paramref name="typePath"/>.</summary>
    /// <param name="kind"><c>M</c> (method, constructor, operator, accessor), <c>P</c>, <c>F</c> or <c>E</c>.</param>
    /// <param name="ns">The dotted namespace of the containing type.</param>
    /// <param name="typePath">The containing type, as for a type.</param>
    /// <param name="member">The member's metadata name: <c>Add</c>, <c>#ctor</c>, <c>op_Addition</c>, <c>get_Length</c>.</param>
    /// <param name="arity">The member's own generic arity (methods only).</param>
    /// <param name="signature">What follows the name in the documentation ID: <c>(System.Int32,``0@)</c>, empty for a
    /// member without parameters, with <c>~ReturnType</c> after it for conversion operators.</param>
    public ApiName(char kind, string ns, IReadOnlyList<string> typePath, string? member, int arity, string signature)
    {
        if (typePath is null || typePath.Count == 0)
        {
            throw new ArgumentException("An API name needs a type.", nameof(typePath));
        }

        Kind = kind;
        Namespace = ns ?? string.Empty;
        _typePath = new string[typePath.Count];
        for (var i = 0; i < typePath.Count; i++)
        {
            _typePath[i] = typePath[i];
        }

        Member = member;
        Arity = arity;
        Signature = signature ?? string.Empty;
        TypeId = TypeIdAt(_typePath.Length);
        DocumentationId = Kind + ":" + TypeId + (Member is null ? string.Empty
            : "." + Member + (Arity > 0 ? "``" + Arity : string.Empty) + Signature);
    }

    /// <summary><c>T</c> for a type; <c>M</c>, <c>P</c>, <c>F</c> or <c>E</c> for a member.</summary>
    public char Kind { get; }

    /// <summary>The dotted namespace (of the containing type, for a member).</summary>
    public string Namespace { get; }

    /// <summary>How deep the type is nested: 1 for a top-level type.</summary>
    public int TypeDepth => _typePath.Length;

    /// <summary>The member's metadata name, or null for a type.</summary>
    public string? Member { get; }

    /// <summary>The member's own generic arity (0 unless a generic method).</summary>
    public int Arity { get; }

    /// <summary>The parameter list (and conversion return type) as the documentation ID spells it; empty if none.</summary>
    public string Signature { get; }

    /// <summary>The type (containing type, for a member) without its kind: <c>System.Collections.Generic.List`1.Enumerator</c>.</summary>
    public string TypeId { get; }

    /// <summary>The documentation-comment ID: <c>M:System.Math.Max(System.Int32,System.Int32)</c>.</summary>
    public string DocumentationId { get; }

    /// <summary>The ID without its kind: what advice prefixes are compared with.</summary>
    public string IdWithoutKind => DocumentationId.Substring(2);

    /// <summary>The type ID of the type itself (depth = <see cref="TypeDepth"/>) or of a type it is nested in.</summary>
    public string TypeIdAt(int depth)
    {
        var builder = new StringBuilder(Namespace);
        for (var i = 0; i < depth; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(_typePath[i]);
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => DocumentationId;
}
