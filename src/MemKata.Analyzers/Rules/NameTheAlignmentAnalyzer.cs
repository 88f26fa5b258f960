using System.Collections.Immutable;
using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0016 (suggestion): 16-byte alignment arithmetic written with bare numbers.</summary>
/// <remarks>Reported, outside a naming context (see <see cref="MagicNumbers"/>), on exactly these shapes, where the
/// number is written as a literal (a named constant is what the rule asks for, so it never fires on one):
/// <list type="bullet">
/// <item><c>x % 16</c> and <c>x %= 16</c>;</item>
/// <item><c>x &amp; 15</c>, <c>x &amp; 0xF</c>, <c>x &amp; ~15</c>, <c>x &amp; -16</c>,
/// <c>x &amp; 0xFFFFFFFFFFFFFFF0</c> (either side of the <c>&amp;</c>) and the same with <c>&amp;=</c>.</item>
/// </list>
/// Masks with 7 (<c>size &amp; ~7</c>) are not reported: in glibc they strip a chunk header's flag bits, not alignment.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NameTheAlignmentAnalyzer : DiagnosticAnalyzer
{
    private const ulong Alignment = 16;

    private static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        RuleIdentifiers.NameTheAlignment,
        "Name the alignment",
        "'{0}' does alignment arithmetic with a bare number. Name the alignment (const ulong MallocAlignment = 16, glibc's "
        + "MALLOC_ALIGNMENT) and round with it: (n + MallocAlignment - 1) & ~(MallocAlignment - 1).",
        RuleCategories.Teaching,
        DiagnosticSeverity.Info,
        "Every pointer malloc returns is 16-byte aligned on x86-64. glibc writes the rounding once, behind names "
        + "(MALLOC_ALIGN_MASK, request2size); a bare 15 or 16 hides which of the sizes, flags or offsets it means.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.ModuloExpression, SyntaxKind.BitwiseAndExpression,
            SyntaxKind.ModuloAssignmentExpression, SyntaxKind.AndAssignmentExpression);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var (left, right) = context.Node switch
        {
            BinaryExpressionSyntax binary => (binary.Left, binary.Right),
            AssignmentExpressionSyntax assignment => (assignment.Left, assignment.Right),
            _ => (null!, null!),
        };
        var isModulo = context.Node.IsKind(SyntaxKind.ModuloExpression) || context.Node.IsKind(SyntaxKind.ModuloAssignmentExpression);
        var matches = isModulo
            ? MagicNumbers.LiteralValue(right) == Alignment
            : IsAlignmentMask(left) || IsAlignmentMask(right);
        if (matches && !MagicNumbers.IsNamingContext(context.Node)
            && LearnerCode.IsLearnerCode(context.Options, context.Node.SyntaxTree))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Node.GetLocation(), context.Node.ToString()));
        }
    }

    /// <summary><c>15</c>, <c>0xF</c>, <c>~15</c>, <c>-16</c>, <c>0xFFFFFFFFFFFFFFF0</c> or <c>0xFFFFFFF0</c>, written out.</summary>
    private static bool IsAlignmentMask(ExpressionSyntax operand)
    {
        while (operand is ParenthesizedExpressionSyntax parenthesized)
        {
            operand = parenthesized.Expression;
        }

        return operand switch
        {
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseNotExpression } not =>
                MagicNumbers.LiteralValue(not.Operand) == Alignment - 1,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } minus =>
                MagicNumbers.LiteralValue(minus.Operand) == Alignment,
            _ => MagicNumbers.LiteralValue(operand) is Alignment - 1 or ~(Alignment - 1) or 0xFFFF_FFF0,
        };
    }
}
