using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NameKind = MemKata.Grading.Similarity.DeclaredNames.NameKind;

namespace MemKata.Grading.Similarity;

/// <summary>
/// Turns one member declaration into tokens, walking Roslyn's syntax tree (never the text), with the rules that make two
/// copies of the same code equal whatever an attacker or a decompiler changed on the surface:
/// <list type="bullet">
/// <item>names the program declares become <c>member</c> or <c>local</c>; constants become the literal they stand
/// for; other names (the contract's, .NET's) are kept as written;</item>
/// <item>literals become their kind (<c>0x10</c>, <c>16</c> and <c>16uL</c> are all a number; every string, interpolated
/// or not, is a string), and arithmetic on numbers alone is one number (<c>128 * 1024</c>, <c>~15UL</c>);</item>
/// <item>every type in a type position is one token (<c>var</c>, <c>ulong</c> and <c>FrameNumber?</c> are equal);</item>
/// <item>dropped: comments and layout (trivia), modifiers, attributes, braces of blocks and accessor lists, casts,
/// parentheses, <c>checked</c>/<c>unchecked</c>, <c>this.</c>, the type of an object creation, argument names
/// (<c>writable: true</c> is <c>true</c>);</item>
/// <item>equal forms (<c>UnitTokenizer_Forms.cs</c>): <c>=&gt; X;</c>, <c>{ return X; }</c> and <c>{ X; }</c> as a
/// member's body; <c>is C</c> and <c>== C</c>, <c>is not C</c> and <c>!= C</c> for a constant; the nullable idioms a
/// decompiler writes and the pattern a person writes: <c>if (E is not { } x)</c> is <c>x = E; if (x == null)</c>,
/// <c>x.HasValue</c> is <c>x != null</c>, <c>x.Value</c> and <c>x.GetValueOrDefault()</c> are <c>x</c>.</item>
/// </list>
/// A member nested too deeply for the walk (a learner's stack-exhaustion attempt) falls back to its raw tokens.
/// </summary>
internal sealed partial class UnitTokenizer
{
    private static readonly ulong _get = TokenCodes.Keyword("get");
    private static readonly ulong _equals = TokenCodes.Keyword("==");
    private static readonly ulong _notEquals = TokenCodes.Keyword("!=");
    private static readonly ulong _null = TokenCodes.Keyword("null");
    private static readonly ulong _assign = TokenCodes.Keyword("=");
    private static readonly ulong _semicolon = TokenCodes.Keyword(";");
    private static readonly ulong _open = TokenCodes.Keyword("(");
    private static readonly ulong _close = TokenCodes.Keyword(")");

    private readonly DeclaredNames _names;
    private readonly int _file;
    private readonly List<NormalizedToken> _tokens = [];

    /// <summary>A tokenizer for members of source file <paramref name="file"/> of a program declaring
    /// <paramref name="names"/>.</summary>
    public UnitTokenizer(DeclaredNames names, int file)
    {
        _names = names;
        _file = file;
    }

    /// <summary>The tokens of <paramref name="member"/> (the unit index is left 0: the caller orders units).</summary>
    public IReadOnlyList<NormalizedToken> Tokenize(SyntaxNode member)
    {
        _tokens.Clear();
        try
        {
            Walk(member);
        }
        catch (InsufficientExecutionStackException)
        {
            _tokens.Clear();
            foreach (var token in member.DescendantTokens())
            {
                Token(token);
            }
        }

        return [.. _tokens];
    }

    private void Walk(SyntaxNode node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case AttributeListSyntax:
            case NameColonSyntax { Parent: ArgumentSyntax }:
                return;
            case ExpressionSyntax constant when IsFoldable(constant) && IsConstant(constant):
                Emit(TokenCodes.Number, Lines(constant));
                return;
            case TypeSyntax type when IsTypePosition(type):
                Emit(TokenCodes.Type, node.SyntaxTree.GetLineSpan(node.Span));
                return;
            case InterpolatedStringExpressionSyntax:
                Emit(TokenCodes.String, node.SyntaxTree.GetLineSpan(node.Span));
                return;
            case ParenthesizedExpressionSyntax parenthesized:
                Walk(parenthesized.Expression);
                return;
            case CastExpressionSyntax cast:
                Walk(cast.Expression);
                return;
            case CheckedExpressionSyntax @checked:
                Walk(@checked.Expression);
                return;
            case CheckedStatementSyntax @checked:
                Walk(@checked.Block);
                return;
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member:
                Walk(member.Name);
                return;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } value:
                Walk(value.Expression);
                return;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasValue" } hasValue:
                CompareWithNull(hasValue.Expression, _notEquals, hasValue);
                return;
            case PrefixUnaryExpressionSyntax
            {
                RawKind: (int)SyntaxKind.LogicalNotExpression,
                Operand: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasValue" } hasNoValue,
            }:
                CompareWithNull(hasNoValue.Expression, _equals, hasNoValue);
                return;
            case InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetValueOrDefault" } orDefault,
                ArgumentList.Arguments.Count: 0,
            }:
                Walk(orDefault.Expression);
                return;
            case IfStatementSyntax { Condition: IsPatternExpressionSyntax test } ifStatement
                when Designation(test.Pattern) is var (name, negated) && name.Length > 0:
                DesignatingIf(ifStatement, test, name, negated);
                return;
            case ObjectCreationExpressionSyntax creation:
                Token(creation.NewKeyword);
                WalkIfAny(creation.ArgumentList);
                WalkIfAny(creation.Initializer);
                return;
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constant } isConstant:
                Compare(isConstant.Expression, _equals, constant.Expression);
                return;
            case IsPatternExpressionSyntax
            {
                Pattern: UnaryPatternSyntax { OperatorToken.RawKind: (int)SyntaxKind.NotKeyword, Pattern: ConstantPatternSyntax constant },
            } isNotConstant:
                Compare(isNotConstant.Expression, _notEquals, constant.Expression);
                return;
            case BlockSyntax block:
                Block(block);
                return;
            case AccessorListSyntax accessors:
                foreach (var accessor in accessors.Accessors)
                {
                    Walk(accessor);
                }

                return;
            case ArrowExpressionClauseSyntax arrow:
                if (arrow.Parent is BasePropertyDeclarationSyntax)
                {
                    Emit(_get, Lines(arrow));
                }

                Walk(arrow.Expression);
                return;
            default:
                Children(node);
                return;
        }
    }

    private void Children(SyntaxNode node)
    {
        var modifiers = node switch
        {
            MemberDeclarationSyntax member => member.Modifiers,
            LocalDeclarationStatementSyntax local => local.Modifiers,
            LocalFunctionStatementSyntax function => function.Modifiers,
            AccessorDeclarationSyntax accessor => accessor.Modifiers,
            _ => default,
        };
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } inner)
            {
                Walk(inner);
            }
            else if (modifiers.Count == 0 || !modifiers.Span.Contains(child.Span))
            {
                Token(child.AsToken());
            }
        }
    }

    private void WalkIfAny(SyntaxNode? node)
    {
        if (node is not null)
        {
            Walk(node);
        }
    }

    private void Token(SyntaxToken token)
    {
        if (token.IsMissing || token.Span.IsEmpty || token.IsKind(SyntaxKind.EndOfFileToken))
        {
            return;
        }

        var code = TokenCodes.Of(token, Identifier);
        Emit(code, token.SyntaxTree!.GetLineSpan(token.Span));
    }

    private ulong Identifier(string name) => _names.KindOf(name) switch
    {
        NameKind.Member => TokenCodes.Member,
        NameKind.Local => TokenCodes.Local,
        NameKind.NumericConstant => TokenCodes.Number,
        NameKind.StringConstant => TokenCodes.String,
        NameKind.CharConstant => TokenCodes.Char,
        _ => TokenCodes.Api(name),
    };

    private static FileLinePositionSpan Lines(SyntaxNode node) => node.SyntaxTree.GetLineSpan(node.Span);

    private void Emit(ulong code, FileLinePositionSpan span) =>
        _tokens.Add(new NormalizedToken(code, _file, span.StartLinePosition.Line + 1, span.EndLinePosition.Line + 1, 0));

    // Predefined types are types wherever they stand (`ulong.MaxValue`); other names only where the grammar wants a type.
    private static bool IsTypePosition(TypeSyntax type) =>
        type is PredefinedTypeSyntax || SyntaxFacts.IsInNamespaceOrTypeContext(type);
}
