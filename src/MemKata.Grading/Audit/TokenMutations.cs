using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MemKata.Grading.Audit;

/// <summary>The token-level replacements <see cref="MutantGenerator"/> makes: operators, literals, increments.</summary>
internal static class TokenMutations
{
    /// <summary>The replacements of a binary expression's operator.</summary>
    public static IEnumerable<(MutationOperator Operator, string Text)> Of(BinaryExpressionSyntax binary)
    {
        switch (binary.OperatorToken.Kind())
        {
            case SyntaxKind.LessThanToken:
                yield return (MutationOperator.Boundary, "<=");
                yield return (MutationOperator.NegatedComparison, ">=");
                break;
            case SyntaxKind.LessThanEqualsToken:
                yield return (MutationOperator.Boundary, "<");
                yield return (MutationOperator.NegatedComparison, ">");
                break;
            case SyntaxKind.GreaterThanToken:
                yield return (MutationOperator.Boundary, ">=");
                yield return (MutationOperator.NegatedComparison, "<=");
                break;
            case SyntaxKind.GreaterThanEqualsToken:
                yield return (MutationOperator.Boundary, ">");
                yield return (MutationOperator.NegatedComparison, "<");
                break;
            case SyntaxKind.EqualsEqualsToken:
                yield return (MutationOperator.NegatedComparison, "!=");
                break;
            case SyntaxKind.ExclamationEqualsToken:
                yield return (MutationOperator.NegatedComparison, "==");
                break;
            case SyntaxKind.AmpersandAmpersandToken:
                yield return (MutationOperator.Logical, "||");
                break;
            case SyntaxKind.BarBarToken:
                yield return (MutationOperator.Logical, "&&");
                break;
            case SyntaxKind.PlusToken when !IsText(binary.Left) && !IsText(binary.Right):
                yield return (MutationOperator.Arithmetic, "-");
                break;
            case SyntaxKind.MinusToken:
                yield return (MutationOperator.Arithmetic, "+");
                break;
            case SyntaxKind.AsteriskToken:
                yield return (MutationOperator.Arithmetic, "/");
                break;
            case SyntaxKind.SlashToken:
            case SyntaxKind.PercentToken:
                yield return (MutationOperator.Arithmetic, "*");
                break;
            case SyntaxKind.LessThanLessThanToken:
                yield return (MutationOperator.Arithmetic, ">>");
                break;
            case SyntaxKind.GreaterThanGreaterThanToken:
                yield return (MutationOperator.Arithmetic, "<<");
                break;
            case SyntaxKind.AmpersandToken:
                yield return (MutationOperator.Arithmetic, "|");
                break;
            case SyntaxKind.BarToken:
                yield return (MutationOperator.Arithmetic, "&");
                break;
            case SyntaxKind.CaretToken:
                yield return (MutationOperator.Arithmetic, "&");
                break;
        }
    }

    /// <summary>The replacements of a literal: <c>true</c> ↔ <c>false</c>, an integer ± 1 (same base and suffix).</summary>
    public static IEnumerable<(MutationOperator Operator, string Text)> Of(LiteralExpressionSyntax literal)
    {
        switch (literal.Kind())
        {
            case SyntaxKind.TrueLiteralExpression:
                yield return (MutationOperator.BooleanLiteral, "false");
                break;
            case SyntaxKind.FalseLiteralExpression:
                yield return (MutationOperator.BooleanLiteral, "true");
                break;
            case SyntaxKind.NumericLiteralExpression when IntegerOf(literal.Token.Value) is { } value:
                var text = literal.Token.Text;
                var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
                var suffix = new string([.. text.Reverse().TakeWhile(char.IsLetter).Reverse()]);
                if (hex)
                {
                    suffix = new string([.. text[2..].Reverse().TakeWhile(c => c is 'u' or 'U' or 'l' or 'L').Reverse()]);
                }

                string Format(decimal v) => (hex ? "0x" + ((ulong)v).ToString("x", CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture)) + suffix;
                if (value < ulong.MaxValue)
                {
                    yield return (MutationOperator.OffByOne, Format(value + 1));
                }

                if (value > 0)
                {
                    yield return (MutationOperator.OffByOne, Format(value - 1));
                }

                break;
        }
    }

    private static decimal? IntegerOf(object? value) => value switch
    {
        int v => v,
        uint v => v,
        long v => v,
        ulong v => v,
        _ => null,
    };

    /// <summary>The swapped compound assignment (<c>+=</c> → <c>-=</c>), or null.</summary>
    public static string? CompoundSwap(SyntaxKind kind) => kind switch
    {
        SyntaxKind.PlusEqualsToken => "-=",
        SyntaxKind.MinusEqualsToken => "+=",
        SyntaxKind.AsteriskEqualsToken => "/=",
        SyntaxKind.SlashEqualsToken => "*=",
        SyntaxKind.LessThanLessThanEqualsToken => ">>=",
        SyntaxKind.GreaterThanGreaterThanEqualsToken => "<<=",
        SyntaxKind.AmpersandEqualsToken => "|=",
        SyntaxKind.BarEqualsToken => "&=",
        _ => null,
    };

    /// <summary>The swapped <c>++</c>/<c>--</c> of a unary expression and where it goes, or null.</summary>
    public static (TextSpan Span, string Text)? IncrementSwap(SyntaxNode node)
    {
        var token = node switch
        {
            PostfixUnaryExpressionSyntax post => post.OperatorToken,
            PrefixUnaryExpressionSyntax pre => pre.OperatorToken,
            _ => default,
        };
        return token.Kind() switch
        {
            SyntaxKind.PlusPlusToken => (token.Span, "--"),
            SyntaxKind.MinusMinusToken => (token.Span, "++"),
            _ => null,
        };
    }

    // A + between strings is a concatenation: minus would not compile.
    private static bool IsText(ExpressionSyntax expression) =>
        expression is InterpolatedStringExpressionSyntax or LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression };
}
