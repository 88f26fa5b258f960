using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemKata.Analyzers.Internal;

/// <summary>
/// Finds numbers written out where a name belongs. A "number expression" is an integer literal, or a <c>*</c> or
/// <c>&lt;&lt;</c> of number expressions (<c>128 * 1024</c>, <c>1 &lt;&lt; 12</c>), possibly in parentheses. Only the
/// outermost number expression is looked at, and never where the number is being named: a <c>const</c> or
/// <c>static readonly</c> initializer, an enum member, an attribute argument, a parameter's default value.
/// </summary>
internal static class MagicNumbers
{
    /// <summary>The syntax kinds a number expression starts from.</summary>
    public static readonly SyntaxKind[] Kinds =
        [SyntaxKind.NumericLiteralExpression, SyntaxKind.MultiplyExpression, SyntaxKind.LeftShiftExpression];

    /// <summary>The value of <paramref name="node"/> if it is an outermost number expression outside a naming context.</summary>
    public static ulong? OutermostValue(SyntaxNode node, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        if (node is not ExpressionSyntax expression || !IsNumberExpression(expression) || IsInsideLargerNumberExpression(expression)
            || IsNamingContext(expression))
        {
            return null;
        }

        return ToUInt64(model.GetConstantValue(expression, cancellationToken));
    }

    /// <summary>The constant value of an integer literal (in parentheses or not), or null.</summary>
    public static ulong? LiteralValue(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression)
            ? ToUInt64(new Optional<object?>(literal.Token.Value))
            : null;
    }

    /// <summary>True where a number is being given its name (see the type's summary).</summary>
    public static bool IsNamingContext(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax or EnumMemberDeclarationSyntax or ParameterSyntax:
                    return true;
                case LocalDeclarationStatementSyntax local:
                    return local.IsConst;
                case FieldDeclarationSyntax field:
                    return field.Modifiers.Any(SyntaxKind.ConstKeyword)
                        || (field.Modifiers.Any(SyntaxKind.StaticKeyword) && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword));
                case StatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsNumberExpression(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.NumericLiteralExpression),
        ParenthesizedExpressionSyntax parenthesized => IsNumberExpression(parenthesized.Expression),
        BinaryExpressionSyntax binary => binary.Kind() is SyntaxKind.MultiplyExpression or SyntaxKind.LeftShiftExpression
            && IsNumberExpression(binary.Left) && IsNumberExpression(binary.Right),
        _ => false,
    };

    private static bool IsInsideLargerNumberExpression(ExpressionSyntax expression)
    {
        var parent = expression.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent is BinaryExpressionSyntax binary && IsNumberExpression(binary);
    }

    private static ulong? ToUInt64(Optional<object?> constant) => constant.HasValue
        ? constant.Value switch
        {
            int value when value >= 0 => (ulong)value,
            uint value => value,
            long value when value >= 0 => (ulong)value,
            ulong value => value,
            short value when value >= 0 => (ulong)value,
            ushort value => value,
            _ => null,
        }
        : null;
}
