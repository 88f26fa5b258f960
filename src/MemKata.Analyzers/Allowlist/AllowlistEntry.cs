using System;

namespace MemKata.Analyzers.Allowlist;

/// <summary>
/// One line of the allowlist: a keyword, a documentation-comment ID (or pattern), and the reason it is there. The ID is
/// a type (<c>T:System.Math</c>), every type of a namespace (<c>T:System.Collections.Generic.*</c>), every overload of a
/// member (<c>M:System.String.Concat(*)</c>, <c>P:System.String.Length</c>), or one exact member
/// (<c>M:System.Enum.GetValues``1</c>). A property or event entry also covers its accessors (<c>get_Length</c>), which
/// is how compiled code names it.
/// </summary>
public sealed class AllowlistEntry
{
    private const string AnySignature = "(*)";

    internal AllowlistEntry(AllowlistKeyword keyword, string id, ImageScope scope, string reason, int line)
    {
        Keyword = keyword;
        Id = id;
        Scope = scope;
        Reason = reason;
        Line = line;
        if (id.Length < 3 || id[1] != ':' || "TMPFE".IndexOf(id[0]) < 0)
        {
            throw new FormatException($"'{id}' is not a documentation-comment ID (T:, M:, P:, F: or E:)");
        }

        Kind = id[0];
        var rest = id.Substring(2);
        if (Kind == 'T')
        {
            if (rest.EndsWith(".*", StringComparison.Ordinal))
            {
                NamespaceWildcard = rest.Substring(0, rest.Length - 2);
            }

            TypeId = rest;
            Signature = string.Empty;
            return;
        }

        var open = rest.IndexOf('(');
        var name = open < 0 ? rest : rest.Substring(0, open);
        var signature = open < 0 ? string.Empty : rest.Substring(open);
        var dot = name.LastIndexOf('.');
        if (dot <= 0)
        {
            throw new FormatException($"'{id}' names no type before its member");
        }

        TypeId = name.Substring(0, dot);
        var member = name.Substring(dot + 1);
        var arity = member.IndexOf("``", StringComparison.Ordinal);
        Member = arity < 0 ? member : member.Substring(0, arity);
        Arity = arity < 0 ? 0 : int.Parse(member.Substring(arity + 2), System.Globalization.CultureInfo.InvariantCulture);
        AnyOverload = signature == AnySignature;
        Signature = AnyOverload ? string.Empty : signature;
    }

    /// <summary>What the entry does.</summary>
    public AllowlistKeyword Keyword { get; }

    /// <summary>The ID as written.</summary>
    public string Id { get; }

    /// <summary>For an <c>image</c> entry, where in the image it is allowed.</summary>
    public ImageScope Scope { get; }

    /// <summary>Why the entry is there.</summary>
    public string Reason { get; }

    /// <summary>The entry's line in the allowlist file (1-based).</summary>
    public int Line { get; }

    /// <summary><c>T</c>, <c>M</c>, <c>P</c>, <c>F</c> or <c>E</c>.</summary>
    public char Kind { get; }

    /// <summary>The type (containing type, for a member entry), without kind.</summary>
    public string TypeId { get; }

    /// <summary>For <c>T:Ns.*</c>, the namespace <c>Ns</c>; otherwise null.</summary>
    public string? NamespaceWildcard { get; }

    /// <summary>For a member entry, the member's name without generic arity; otherwise null.</summary>
    public string? Member { get; }

    /// <summary>For an exact member entry, its generic arity.</summary>
    public int Arity { get; }

    /// <summary>True for <c>(*)</c>: every overload, whatever its arity.</summary>
    public bool AnyOverload { get; }

    /// <summary>For an exact member entry, what follows the name in the ID (empty for no parameters).</summary>
    public string Signature { get; }

    /// <summary>True if this entry names <paramref name="api"/>: the type itself, a member or nested type of the type, a
    /// type of the namespace, or the member (an accessor counting as its property or event).</summary>
    public bool Matches(ApiName api)
    {
        if (api is null)
        {
            throw new ArgumentNullException(nameof(api));
        }

        if (Kind == 'T')
        {
            if (NamespaceWildcard is not null)
            {
                return api.Namespace == NamespaceWildcard;
            }

            return Keyword == AllowlistKeyword.Type || Keyword == AllowlistKeyword.Image
                ? api.Kind == 'T' && api.TypeId == TypeId
                : IsTypeOrEnclosingType(api, TypeId);
        }

        return api.Member is not null && api.TypeId == TypeId && MatchesMember(api);
    }

    /// <summary>True if <paramref name="typeId"/> is the type of <paramref name="api"/> or a type it is nested in.</summary>
    internal static bool IsTypeOrEnclosingType(ApiName api, string typeId)
    {
        var full = api.TypeId;
        if (!full.StartsWith(typeId, StringComparison.Ordinal) || (full.Length > typeId.Length && full[typeId.Length] != '.'))
        {
            return false;
        }

        // A prefix that ends inside the namespace names a namespace, not a type.
        return typeId.Length > api.Namespace.Length;
    }

    private bool MatchesMember(ApiName api)
    {
        var name = api.Member!;
        var signature = api.Signature;
        if (api.Kind != Kind)
        {
            var accessorOf = AccessorOf(api);
            if (accessorOf is null || accessorOf != Member)
            {
                return false;
            }

            if (name.StartsWith("set_", StringComparison.Ordinal))
            {
                signature = WithoutLastParameter(signature);
            }

            return AnyOverload || signature == Signature;
        }

        return name == Member && (AnyOverload || (api.Arity == Arity && signature == Signature));
    }

    private string? AccessorOf(ApiName api)
    {
        if (api.Kind != 'M' || api.Member is null)
        {
            return null;
        }

        var prefixes = Kind == 'P' ? new[] { "get_", "set_" } : Kind == 'E' ? new[] { "add_", "remove_", "raise_" } : new string[0];
        foreach (var prefix in prefixes)
        {
            if (api.Member.StartsWith(prefix, StringComparison.Ordinal))
            {
                return api.Member.Substring(prefix.Length);
            }
        }

        return null;
    }

    /// <summary><c>(A,B{C,D})</c> → <c>(A)</c>; <c>(A)</c> → empty: a setter's parameters without its value.</summary>
    private static string WithoutLastParameter(string signature)
    {
        var depth = 0;
        var lastComma = -1;
        for (var i = 1; i < signature.Length - 1; i++)
        {
            switch (signature[i])
            {
                case '{' or '(' or '[':
                    depth++;
                    break;
                case '}' or ')' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    lastComma = i;
                    break;
            }
        }

        return lastComma < 0 ? string.Empty : signature.Substring(0, lastComma) + ")";
    }

    /// <inheritdoc />
    public override string ToString() => Keyword.ToString().ToLowerInvariant() + " " + Id;
}
