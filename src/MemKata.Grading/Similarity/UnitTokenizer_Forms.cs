using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NameKind = MemKata.Grading.Similarity.DeclaredNames.NameKind;

namespace MemKata.Grading.Similarity;

/// <summary>The equal forms of <see cref="UnitTokenizer"/>: where two ways of writing the same code (one a person's,
/// one a decompiler's or an attacker's) are given the same tokens.</summary>
internal sealed partial class UnitTokenizer
{
    // `E == C` (or `!=`): how `E is C` and `E is not C` read.
    private void Compare(ExpressionSyntax value, ulong comparison, ExpressionSyntax constant)
    {
        Walk(value);
        Emit(comparison, Lines(constant));
        Walk(constant);
    }

    // `E == null` (or `!=`): how `!E.HasValue` and `E.HasValue` read.
    private void CompareWithNull(ExpressionSyntax value, ulong comparison, SyntaxNode at)
    {
        Walk(value);
        Emit(comparison, Lines(at));
        Emit(_null, Lines(at));
    }

    // Arithmetic on numbers alone (`128 * 1024`, `~15UL`, `(long)4096`, `2 * WordSize`) is one number, as a compiler
    // folds it and a decompiler shows it. Only short expressions are looked at, so that the check stays linear in the
    // text however the learner nests.
    private const int MaxFoldableLength = 160;

    private static bool IsFoldable(ExpressionSyntax expression) =>
        expression.FullSpan.Length <= MaxFoldableLength
        && expression is BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or ParenthesizedExpressionSyntax
            or CastExpressionSyntax or CheckedExpressionSyntax;

    // Numbers (literals or the program's numeric constants), operators, casts to predefined types: at least one number.
    private bool IsConstant(ExpressionSyntax expression)
    {
        var numbers = 0;
        foreach (var token in expression.DescendantTokens())
        {
            var kind = token.Kind();
            if (kind == SyntaxKind.NumericLiteralToken
                || (kind == SyntaxKind.IdentifierToken && _names.KindOf(token.ValueText) == NameKind.NumericConstant))
            {
                numbers++;
            }
            else if (!SyntaxFacts.IsPunctuation(kind) && !SyntaxFacts.IsPredefinedType(kind)
                && kind is not SyntaxKind.CheckedKeyword and not SyntaxKind.UncheckedKeyword)
            {
                return false;
            }
        }

        return numbers > 0;
    }

    // `if (E is not { } x) S` as `T x = E; if (x == null) S` (and `is { } x` with `!=`): how the same code reads without
    // the pattern, and how a decompiler shows it.
    private void DesignatingIf(IfStatementSyntax ifStatement, IsPatternExpressionSyntax test, string name, bool negated)
    {
        var at = Lines(test);
        Emit(TokenCodes.Type, at);
        Emit(Identifier(name), at);
        Emit(_assign, at);
        Walk(test.Expression);
        Emit(_semicolon, at);
        Token(ifStatement.IfKeyword);
        Emit(_open, at);
        Emit(Identifier(name), at);
        Emit(negated ? _equals : _notEquals, at);
        Emit(_null, at);
        Emit(_close, at);
        Walk(ifStatement.Statement);
        WalkIfAny(ifStatement.Else);
    }

    // The variable `{ } x` declares, and whether the pattern is negated (`not { } x`); an empty name for other patterns.
    private static (string Name, bool Negated) Designation(PatternSyntax pattern) => pattern switch
    {
        RecursivePatternSyntax
        {
            Type: null,
            PositionalPatternClause: null,
            PropertyPatternClause.Subpatterns.Count: 0,
            Designation: SingleVariableDesignationSyntax variable,
        } => (variable.Identifier.ValueText, false),
        UnaryPatternSyntax { OperatorToken.RawKind: (int)SyntaxKind.NotKeyword, Pattern: var inner }
            when Designation(inner) is (var name, false) => (name, true),
        _ => ("", false),
    };

    // A member's body of one `return X;` is the same as `=> X;`; every block loses its braces.
    private void Block(BlockSyntax block)
    {
        if (block.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
            && block.Statements is [ReturnStatementSyntax { Expression: { } value } onlyReturn])
        {
            Walk(value);
            Token(onlyReturn.SemicolonToken);
            return;
        }

        foreach (var statement in block.Statements)
        {
            Walk(statement);
        }
    }
}
