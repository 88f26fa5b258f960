using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MemKata.Grading.Similarity;

/// <summary>
/// The codes tokens are given: one per abstract kind (a type, a member's name, a local's name, a number, a string, a
/// character), and for every other token its text (<c>k:if</c>, <c>k:+=</c>) or, for a name the program does not
/// declare, the name (<c>api:ReadWord</c>). Each is <see cref="StableHash.Of"/> of that key.
/// </summary>
internal static class TokenCodes
{
    /// <summary>Any type in a type position.</summary>
    public static readonly ulong Type = StableHash.Of("type");

    /// <summary>A name of a type or member the program declares.</summary>
    public static readonly ulong Member = StableHash.Of("id:member");

    /// <summary>A name of a local, parameter or other variable the program declares.</summary>
    public static readonly ulong Local = StableHash.Of("id:local");

    /// <summary>Any identifier, when names cannot be told apart (<see cref="LexicalFallback"/>).</summary>
    public static readonly ulong AnyName = StableHash.Of("id:any");

    /// <summary>A numeric literal, or arithmetic on numbers alone.</summary>
    public static readonly ulong Number = StableHash.Of("lit:num");

    /// <summary>A string literal of any form, interpolated ones included.</summary>
    public static readonly ulong String = StableHash.Of("lit:str");

    /// <summary>A character literal.</summary>
    public static readonly ulong Char = StableHash.Of("lit:chr");

    /// <summary>The code of <paramref name="token"/>; an identifier's comes from <paramref name="identifier"/>.</summary>
    public static ulong Of(SyntaxToken token, Func<string, ulong> identifier) => token.Kind() switch
    {
        SyntaxKind.IdentifierToken => identifier(token.ValueText),
        SyntaxKind.NumericLiteralToken => Number,
        SyntaxKind.CharacterLiteralToken => Char,
        SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken
            or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8StringLiteralToken
            or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken
            or SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedStringToken => String,
        _ => Keyword(token.Text),
    };

    /// <summary>The code of a keyword, operator or punctuation written <paramref name="text"/>.</summary>
    public static ulong Keyword(string text) => StableHash.Of("k:" + text);

    /// <summary>The code of a name the program does not declare.</summary>
    public static ulong Api(string name) => StableHash.Of("api:" + name);
}
