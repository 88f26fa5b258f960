using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MemKata.Grading.Audit;

/// <summary>
/// Every mutant of one C# file (Roslyn, syntax only): each comparison, operator, integer literal, condition, branch
/// pair, side-effecting statement and jump gives the mutants its <see cref="MutationOperator"/>s allow, in the order of
/// the file. Deterministic: the same text gives the same mutants with the same <see cref="Mutant.Id"/>s. Left alone, as
/// changing them cannot change what a test sees: attributes, string interpolations, what a <c>throw</c> says, argument
/// guards (<c>ArgumentNullException.ThrowIfNull</c>: the kernel and the tests never pass null), a <c>return;</c> or
/// <c>continue;</c> that is already the last statement of its body.
/// </summary>
public static class MutantGenerator
{
    private const int MaxIdText = 70;

    /// <summary>The mutants of <paramref name="source"/>, the text of <paramref name="file"/>.</summary>
    public static IReadOnlyList<Mutant> Generate(string file, string source)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(source);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var sites = new List<(SyntaxNode Node, MutationOperator Operator, int Start, int Length, string Replacement)>();
        foreach (var node in tree.GetRoot().DescendantNodes(n => !OutOfScope(n)).Where(n => !OutOfScope(n)))
        {
            foreach (var (op, span, replacement) in Changes(node, source))
            {
                sites.Add((node, op, span.Start, span.Length, replacement));
            }
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. sites
            .OrderBy(s => s.Start).ThenBy(s => s.Operator).ThenBy(s => s.Replacement, StringComparer.Ordinal)
            .Select(s =>
            {
                var original = source.Substring(s.Start, s.Length);
                var member = MemberOf(s.Node);
                var (shown, changed) = s.Node is ExpressionSyntax expression && expression.Span.Length > s.Length
                    ? (source[expression.Span.Start..expression.Span.End], source[expression.Span.Start..s.Start] + s.Replacement + source[(s.Start + s.Length)..expression.Span.End])
                    : (original, s.Replacement);
                var id = $"{member}: {s.Operator}: `{Short(shown)}` → `{Short(changed)}`";
                var occurrence = seen[id] = seen.GetValueOrDefault(id) + 1;
                var line = tree.GetLineSpan(new TextSpan(s.Start, s.Length)).StartLinePosition.Line + 1;
                return new Mutant(occurrence == 1 ? id : $"{id} #{occurrence}", file, member, s.Operator, line, s.Start, s.Length, original, s.Replacement);
            })];
    }

    private static IEnumerable<(MutationOperator Operator, TextSpan Span, string Replacement)> Changes(SyntaxNode node, string source)
    {
        switch (node)
        {
            case BinaryExpressionSyntax binary:
                foreach (var (op, text) in TokenMutations.Of(binary))
                {
                    yield return (op, binary.OperatorToken.Span, text);
                }

                break;
            case AssignmentExpressionSyntax assignment when TokenMutations.CompoundSwap(assignment.OperatorToken.Kind()) is { } swapped:
                yield return (MutationOperator.Arithmetic, assignment.OperatorToken.Span, swapped);
                break;
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constant } pattern:
                yield return (MutationOperator.NegatedComparison, pattern.Pattern.Span, "not " + constant);
                break;
            case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: ConstantPatternSyntax constant } } pattern:
                yield return (MutationOperator.NegatedComparison, pattern.Pattern.Span, constant.ToString());
                break;
            case LiteralExpressionSyntax literal:
                foreach (var (op, text) in TokenMutations.Of(literal))
                {
                    yield return (op, literal.Span, text);
                }

                break;
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                yield return (MutationOperator.RemovedNot, not.Span, not.Operand.ToString());
                break;
            case PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax when TokenMutations.IncrementSwap(node) is { } swap:
                yield return (MutationOperator.Increment, swap.Span, swap.Text);
                break;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Math" } } access }
                when access.Name.Identifier.Text is "Max" or "Min":
                yield return (MutationOperator.MaxMin, access.Name.Span, access.Name.Identifier.Text == "Max" ? "Min" : "Max");
                break;
            case IfStatementSyntax branch:
                foreach (var negated in Negated(branch.Condition))
                {
                    yield return negated;
                }

                if (branch.Else is { } otherwise)
                {
                    yield return (MutationOperator.SwappedBranches, branch.Span, Swapped(source, branch.Span, branch.Statement.Span, otherwise.Statement.Span));
                }

                break;
            case ConditionalExpressionSyntax choice:
                foreach (var negated in Negated(choice.Condition))
                {
                    yield return negated;
                }

                yield return (MutationOperator.SwappedBranches, choice.Span, Swapped(source, choice.Span, choice.WhenTrue.Span, choice.WhenFalse.Span));
                break;
            case WhileStatementSyntax loop:
                foreach (var negated in Negated(loop.Condition))
                {
                    yield return negated;
                }

                break;
            case DoStatementSyntax loop:
                foreach (var negated in Negated(loop.Condition))
                {
                    yield return negated;
                }

                break;
            case ForStatementSyntax { Condition: { } condition }:
                foreach (var negated in Negated(condition))
                {
                    yield return negated;
                }

                break;
            case ExpressionStatementSyntax statement when DoesSomething(statement.Expression):
                yield return (MutationOperator.DroppedStatement, statement.Span, ";");
                break;
            case ReturnStatementSyntax { Expression: null } or ContinueStatementSyntax when !LastInItsBody((StatementSyntax)node):
                yield return (MutationOperator.RemovedJump, node.Span, ";");
                break;
            case BreakStatementSyntax when node.Ancestors().FirstOrDefault(a => a is SwitchSectionSyntax or ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax) is not SwitchSectionSyntax:
                yield return (MutationOperator.RemovedJump, node.Span, ";");
                break;
        }
    }

    // A condition that declares a variable (`x is not { } frame`) cannot be negated: the variable would not be assigned
    // where it is used, and the mutant would not compile.
    private static IEnumerable<(MutationOperator, TextSpan, string)> Negated(ExpressionSyntax condition)
    {
        if (!condition.DescendantNodes().Any(n => n is SingleVariableDesignationSyntax))
        {
            yield return (MutationOperator.NegatedCondition, condition.Span, $"!({condition})");
        }
    }

    // The whole construct's text with the two branches exchanged, everything between them kept.
    private static string Swapped(string source, TextSpan whole, TextSpan first, TextSpan second) =>
        string.Concat(
            source[whole.Start..first.Start],
            source[second.Start..second.End],
            source[first.End..second.Start],
            source[first.Start..first.End],
            source[second.End..whole.End]);

    private static bool DoesSomething(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax or AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax;

    private static bool LastInItsBody(StatementSyntax statement) =>
        statement.Parent is BlockSyntax block
            && block.Statements.Last() == statement
            && block.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
                or ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax;

    // Nodes whose mutation cannot change what a test sees, or that are not code.
    private static bool OutOfScope(SyntaxNode node) =>
        node is AttributeListSyntax or InterpolatedStringExpressionSyntax or ThrowStatementSyntax or ThrowExpressionSyntax
            or UsingDirectiveSyntax
        || (node is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax guard } }
            && guard.Expression.ToString().EndsWith("Exception", StringComparison.Ordinal)
            && guard.Name.Identifier.Text.StartsWith("ThrowIf", StringComparison.Ordinal));

    private static string MemberOf(SyntaxNode node)
    {
        var type = node.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text;
        var member = node.AncestorsAndSelf().Select(a => a switch
        {
            MethodDeclarationSyntax m => m.Identifier.Text,
            ConstructorDeclarationSyntax c => c.Identifier.Text,
            PropertyDeclarationSyntax p => p.Identifier.Text,
            FieldDeclarationSyntax f => string.Join(",", f.Declaration.Variables.Select(v => v.Identifier.Text)),
            OperatorDeclarationSyntax o => "operator " + o.OperatorToken.Text,
            _ => null,
        }).FirstOrDefault(name => name is not null);
        return (type, member) switch
        {
            (null, null) => "(file)",
            (_, null) => type!,
            (null, _) => member!,
            _ => $"{type}.{member}",
        };
    }

    private static string Short(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= MaxIdText ? flat : flat[..(MaxIdText - 1)] + "…";
    }
}
