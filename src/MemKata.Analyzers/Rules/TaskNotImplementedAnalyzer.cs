using System.Collections.Immutable;
using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0013: a member whose whole body throws <c>NotImplementedException</c> is a task not started yet.</summary>
/// <remarks>
/// <para>Reported (as information) on methods, constructors, operators, accessors, expression-bodied properties and
/// indexers, and local functions whose body is exactly <c>throw new NotImplementedException(...)</c>, as a statement or an
/// expression body. A body that does some work and throws only on one path counts as attempted.</para>
/// <para>The grader reads the member's name from the diagnostic's <see cref="MemberProperty"/> property (for example
/// <c>MyAllocator.Malloc</c>) and turns the list into a progress line: "3 of 5 tasks attempted".</para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TaskNotImplementedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property that holds the unimplemented member's name, <c>Type.Member</c>.</summary>
    public const string MemberProperty = "Member";

    private static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        RuleIdentifiers.TaskNotImplemented,
        "Task not started yet",
        "Not started yet: '{0}' still throws NotImplementedException. Replace the throw with your implementation when you "
        + "reach this task.",
        RuleCategories.Progress,
        DiagnosticSeverity.Info,
        "Stubs throw NotImplementedException until their task is done. This is not an error: it tells you, and the grader, "
        + "which tasks are still ahead.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterSyntaxNodeAction(AnalyzeMember, SyntaxKind.MethodDeclaration, SyntaxKind.ConstructorDeclaration,
            SyntaxKind.OperatorDeclaration, SyntaxKind.ConversionOperatorDeclaration, SyntaxKind.GetAccessorDeclaration,
            SyntaxKind.SetAccessorDeclaration, SyntaxKind.InitAccessorDeclaration, SyntaxKind.AddAccessorDeclaration,
            SyntaxKind.RemoveAccessorDeclaration, SyntaxKind.PropertyDeclaration, SyntaxKind.IndexerDeclaration,
            SyntaxKind.LocalFunctionStatement);
    }

    private static void AnalyzeMember(SyntaxNodeAnalysisContext context)
    {
        var (body, expressionBody, location) = context.Node switch
        {
            BaseMethodDeclarationSyntax method => (method.Body, method.ExpressionBody, NameLocation(method)),
            AccessorDeclarationSyntax accessor => (accessor.Body, accessor.ExpressionBody, accessor.Keyword.GetLocation()),
            PropertyDeclarationSyntax property => (null, property.ExpressionBody, property.Identifier.GetLocation()),
            IndexerDeclarationSyntax indexer => (null, indexer.ExpressionBody, indexer.ThisKeyword.GetLocation()),
            LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody, local.Identifier.GetLocation()),
            _ => (null, null, null),
        };
        var thrown = expressionBody?.Expression is ThrowExpressionSyntax throwExpression
            ? throwExpression.Expression
            : body is { Statements.Count: 1 } && body.Statements[0] is ThrowStatementSyntax { Expression: { } throwStatement }
                ? throwStatement
                : null;
        if (thrown is null || location is null
            || context.SemanticModel.GetTypeInfo(thrown, context.CancellationToken).Type is not { } type
            || SymbolNames.FullMetadataName(type) != "System.NotImplementedException"
            || !LearnerCode.IsLearnerCode(context.Options, context.Node.SyntaxTree))
        {
            return;
        }

        var name = MemberName(context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken));
        context.ReportDiagnostic(Diagnostic.Create(Rule, location,
            ImmutableDictionary<string, string?>.Empty.Add(MemberProperty, name), name));
    }

    private static Location NameLocation(BaseMethodDeclarationSyntax method) => method switch
    {
        MethodDeclarationSyntax m => m.Identifier.GetLocation(),
        ConstructorDeclarationSyntax c => c.Identifier.GetLocation(),
        OperatorDeclarationSyntax o => o.OperatorToken.GetLocation(),
        ConversionOperatorDeclarationSyntax c => c.Type.GetLocation(),
        _ => method.GetLocation(),
    };

    /// <summary><c>Type.Member</c>: <c>MyAllocator.Malloc</c>, <c>MyAllocator.PageSize.get</c>,
    /// <c>MyAllocator..ctor</c>, <c>MyAllocator.Malloc.Split</c> for a local function.</summary>
    private static string MemberName(ISymbol? symbol)
    {
        switch (symbol)
        {
            case null:
                return "?";
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction } local:
                return MemberName(local.ContainingSymbol) + "." + local.Name;
            case IMethodSymbol { AssociatedSymbol: { } property } accessor:
                var kind = accessor.MethodKind switch
                {
                    MethodKind.PropertyGet => "get",
                    MethodKind.EventAdd => "add",
                    MethodKind.EventRemove => "remove",
                    _ => accessor.IsInitOnly ? "init" : "set",
                };
                return MemberName(property) + "." + kind;
            default:
                return symbol.ContainingType is { } type ? type.Name + "." + symbol.Name : symbol.Name;
        }
    }
}
