using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Internal;

/// <summary>
/// The shared engine of the rules that forbid an API: every name in learner code is bound to its symbol (a type, a
/// member, a constructor, an attribute, a namespace) and the rule's <see cref="Matches"/> says whether it is forbidden.
/// </summary>
/// <remarks>
/// <para>One use gives one diagnostic, placed on the whole qualified name: in <c>System.IO.File.ReadAllText(p)</c> the
/// qualifier <c>System.IO.File</c> is never reported on its own (the member after it decides), and the diagnostic covers
/// <c>System.IO.File.ReadAllText</c>. A member reached through a value the rule already reported
/// (<c>Process.GetCurrentProcess().ProcessName</c>), or through a value of a forbidden type (<c>stream.Name</c> when
/// <c>FileStream stream</c> was reported where it was declared), is not reported again. Names in <c>using</c> directives
/// and inside <c>nameof(...)</c> do nothing and are skipped, unless the rule asks for using directives
/// (<see cref="AnalyzeUsingDirectives"/>); so are <c>var</c>, locals, parameters and named arguments.</para>
/// <para>Generated code is analyzed too: a learner's file does not stop being learner code by claiming to be generated.</para>
/// </remarks>
public abstract class SymbolUsageAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The rule this analyzer reports.</summary>
    protected abstract DiagnosticDescriptor Rule { get; }

    /// <summary>True to also report names in <c>using</c> directives (the rule forbids a whole namespace).</summary>
    protected virtual bool AnalyzeUsingDirectives => false;

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterSyntaxNodeAction(AnalyzeName, SyntaxKind.IdentifierName, SyntaxKind.GenericName);
        context.RegisterSyntaxNodeAction(AnalyzeTargetTypedNew, SyntaxKind.ImplicitObjectCreationExpression);
        RegisterMoreActions(context);
    }

    /// <summary>True if using <paramref name="symbol"/> breaks the rule. Constructors are passed as constructors (a rule
    /// can look at their parameters), attribute names as the attribute's constructor, aliases as their target.</summary>
    protected abstract bool Matches(ISymbol symbol);

    /// <summary>For a name the compiler cannot bind (a missing reference): true if its text alone breaks the rule.</summary>
    protected virtual bool MatchesUnresolved(string qualifiedName) => false;

    /// <summary>Registers actions beyond name binding (syntax the rule forbids, such as the <c>unsafe</c> keyword).</summary>
    protected virtual void RegisterMoreActions(AnalysisContext context)
    {
    }

    /// <summary>Reports the rule at <paramref name="location"/> with the message argument <paramref name="what"/>.</summary>
    protected void Report(SyntaxNodeAnalysisContext context, Location location, string what) =>
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, what));

    private void AnalyzeName(SyntaxNodeAnalysisContext context)
    {
        var name = (SimpleNameSyntax)context.Node;
        // `var` binds to the inferred type: the expression that produced the value is what gets reported.
        // Named arguments (`Name = ...` in an attribute, `pinned: true`) belong to the call, which is looked at itself.
        if (name is IdentifierNameSyntax { IsVar: true } || name.Parent is NameEqualsSyntax or NameColonSyntax
            || !LearnerCode.IsLearnerCode(context.Options, name.SyntaxTree) || IsInNameof(name)
            || (!AnalyzeUsingDirectives && name.FirstAncestorOrSelf<UsingDirectiveSyntax>() is not null))
        {
            return;
        }

        var extent = QualifiedExtent(name);
        var symbol = Bind(context.SemanticModel, name, extent, context.CancellationToken);
        if (symbol is null)
        {
            if (IsOutermostName(extent) && MatchesUnresolved(Normalize(extent.ToString())))
            {
                Report(context, extent.GetLocation(), Normalize(extent.ToString()));
            }

            return;
        }

        // Locals, parameters (named arguments too) and labels say nothing about which API is used.
        if (symbol.Kind is SymbolKind.Local or SymbolKind.Parameter or SymbolKind.TypeParameter or SymbolKind.Label
                or SymbolKind.RangeVariable or SymbolKind.Discard
            || !Matches(symbol) || (IsQualifier(extent) && symbol is ITypeSymbol or INamespaceSymbol)
            || ReceiverIsReported(context.SemanticModel, extent, context.CancellationToken))
        {
            return;
        }

        Report(context, extent.GetLocation(), SymbolNames.Display(symbol));
    }

    /// <summary><c>StreamReader reader = new("notes.txt")</c>: no name to bind, so the constructor is looked at here. When
    /// the whole type is forbidden the type name that gave <c>new()</c> its type is reported instead.</summary>
    private void AnalyzeTargetTypedNew(SyntaxNodeAnalysisContext context)
    {
        var creation = (ImplicitObjectCreationExpressionSyntax)context.Node;
        if (LearnerCode.IsLearnerCode(context.Options, creation.SyntaxTree)
            && context.SemanticModel.GetSymbolInfo(creation, context.CancellationToken).Symbol is IMethodSymbol constructor
            && Matches(constructor.OriginalDefinition) && !Matches(constructor.ContainingType.OriginalDefinition))
        {
            Report(context, creation.GetLocation(), SymbolNames.Display(constructor));
        }
    }

    /// <summary>The symbol a name stands for, normalized for <see cref="Matches"/>.</summary>
    private static ISymbol? Bind(SemanticModel model, SimpleNameSyntax name, ExpressionSyntax extent, CancellationToken cancellationToken)
    {
        // `new T(...)`: the constructor, so a rule can tell new StreamReader(path) from new StreamReader(stream).
        if (extent.Parent is ObjectCreationExpressionSyntax creation && creation.Type == extent
            && model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol constructor)
        {
            return constructor.OriginalDefinition;
        }

        var info = model.GetSymbolInfo(name, cancellationToken);
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : null);
        return symbol switch
        {
            IAliasSymbol alias => alias.Target,
            IMethodSymbol method => (method.ReducedFrom ?? method).OriginalDefinition,
            null => null,
            _ => symbol.OriginalDefinition,
        };
    }

    /// <summary>True for the <c>File</c> of <c>File.Exists</c>: a type or namespace before a dot is never reported on its
    /// own, the member after it decides (so <c>Environment.NewLine</c> can be allowed while <c>Environment.Exit</c> is not).</summary>
    private static bool IsQualifier(ExpressionSyntax extent) => extent.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == extent,
        QualifiedNameSyntax qualified => qualified.Left == extent,
        _ => false,
    };

    /// <summary>True if the member is reached through a value whose type the rule forbids, or that a reported member
    /// produced: in <c>Process.GetCurrentProcess().ProcessName</c> only <c>Process.GetCurrentProcess</c> is reported, and
    /// in <c>info.Length</c> nothing (the declaration or creation of <c>info</c> was).</summary>
    private bool ReceiverIsReported(SemanticModel model, ExpressionSyntax extent, CancellationToken cancellationToken)
    {
        if (extent is not MemberAccessExpressionSyntax access
            || model.GetSymbolInfo(access.Expression, cancellationToken).Symbol is ITypeSymbol or INamespaceSymbol)
        {
            return false;
        }

        if (model.GetTypeInfo(access.Expression, cancellationToken).Type is { } receiverType
            && receiverType.TypeKind != TypeKind.Error && Matches(receiverType.OriginalDefinition))
        {
            return true;
        }

        var receiver = access.Expression;
        while (true)
        {
            switch (receiver)
            {
                case InvocationExpressionSyntax invocation:
                    receiver = invocation.Expression;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    receiver = parenthesized.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax postfix:
                    receiver = postfix.Operand;
                    continue;
                case ElementAccessExpressionSyntax element:
                    receiver = element.Expression;
                    continue;
                case ObjectCreationExpressionSyntax creation:
                    return model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol constructor
                        && Matches(constructor.OriginalDefinition);
            }

            break;
        }

        var name = receiver switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        return name is not null
            && Bind(model, name, QualifiedExtent(name), cancellationToken) is { } symbol
            && symbol is not (ITypeSymbol or INamespaceSymbol or ILocalSymbol or IParameterSymbol)
            && Matches(symbol);
    }

    /// <summary>The name with its qualifiers: <c>System.IO.File</c> for the <c>File</c> in it.</summary>
    private static ExpressionSyntax QualifiedExtent(SimpleNameSyntax name)
    {
        ExpressionSyntax current = name;
        while (true)
        {
            switch (current.Parent)
            {
                case MemberAccessExpressionSyntax access when access.Name == current:
                    current = access;
                    break;
                case QualifiedNameSyntax qualified when qualified.Right == current:
                    current = qualified;
                    break;
                case AliasQualifiedNameSyntax alias when alias.Name == current:
                    current = alias;
                    break;
                default:
                    return current;
            }
        }
    }

    /// <summary>False for a qualifier (<c>System.IO</c> in <c>System.IO.File</c>): only the whole name is looked at.</summary>
    private static bool IsOutermostName(ExpressionSyntax extent) => extent.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression != extent,
        QualifiedNameSyntax qualified => qualified.Left != extent,
        _ => true,
    };

    private static bool IsInNameof(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
            {
                return true;
            }

            if (ancestor is StatementSyntax or MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    private static string Normalize(string qualifiedName) =>
        qualifiedName.Replace("global::", string.Empty).Replace(" ", string.Empty).Replace("\n", string.Empty).Replace("\r", string.Empty);
}
