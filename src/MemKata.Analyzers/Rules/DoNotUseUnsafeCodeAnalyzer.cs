using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0006: learner code may not use unsafe code.</summary>
/// <remarks>Reported: the <c>unsafe</c> modifier and <c>unsafe { }</c> blocks, pointer and function-pointer types,
/// <c>fixed</c> statements, <c>stackalloc</c> into a pointer (into a <c>Span</c> is fine), and any use of
/// <c>System.Runtime.CompilerServices.Unsafe</c>. Each is reported where it is written, whether or not the project allows
/// unsafe blocks.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotUseUnsafeCodeAnalyzer : SymbolUsageAnalyzer
{
    private static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        RuleIdentifiers.DoNotUseUnsafeCode,
        "Do not use unsafe code",
        "'{0}' is unsafe code. A pointer here would point into the .NET host, not into the simulated process: keep "
        + "addresses as ulong and go through IProcessMemory.ReadWord/WriteWord/ReadByte/WriteByte.",
        RuleCategories.Sandbox,
        DiagnosticSeverity.Error,
        "Simulated addresses are plain numbers that only IProcessMemory understands. Unsafe code reads and writes the "
        + "grader's own memory, where a stray write corrupts the grader instead of your heap.");

    /// <inheritdoc />
    protected override DiagnosticDescriptor Rule => Descriptor;

    /// <inheritdoc />
    protected override bool Matches(ISymbol symbol) =>
        SymbolNames.IsOrIsNestedIn(symbol as ITypeSymbol ?? symbol.ContainingType, "System.Runtime.CompilerServices.Unsafe");

    /// <inheritdoc />
    protected override void RegisterMoreActions(AnalysisContext context)
    {
        context.RegisterSyntaxTreeAction(AnalyzeUnsafeKeywords);
        context.RegisterSyntaxNodeAction(AnalyzeConstruct, SyntaxKind.PointerType, SyntaxKind.FunctionPointerType,
            SyntaxKind.FixedStatement, SyntaxKind.StackAllocArrayCreationExpression, SyntaxKind.ImplicitStackAllocArrayCreationExpression);
    }

    private void AnalyzeUnsafeKeywords(SyntaxTreeAnalysisContext context)
    {
        if (!LearnerCode.IsLearnerCode(context.Options, context.Tree))
        {
            return;
        }

        foreach (var token in context.Tree.GetRoot(context.CancellationToken).DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.UnsafeKeyword))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, token.GetLocation(), "unsafe"));
            }
        }
    }

    private void AnalyzeConstruct(SyntaxNodeAnalysisContext context)
    {
        if (!LearnerCode.IsLearnerCode(context.Options, context.Node.SyntaxTree))
        {
            return;
        }

        switch (context.Node)
        {
            case PointerTypeSyntax pointer:
                Report(context, pointer.GetLocation(), pointer.ToString());
                break;
            case FunctionPointerTypeSyntax functionPointer:
                Report(context, functionPointer.DelegateKeyword.GetLocation(), "delegate*");
                break;
            case FixedStatementSyntax @fixed:
                Report(context, @fixed.FixedKeyword.GetLocation(), "fixed");
                break;
            case ExpressionSyntax allocation
                when context.SemanticModel.GetTypeInfo(allocation, context.CancellationToken).ConvertedType is IPointerTypeSymbol:
                Report(context, allocation.GetLocation(), "stackalloc into a pointer");
                break;
        }
    }
}
