using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using MemKata.Analyzers.Allowlist;
using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0001: learner code uses only what <c>Allowlist.txt</c> allows.</summary>
/// <remarks>
/// <para>Every symbol learner code uses is looked at through the semantic model and IOperation, never by its text: the
/// members it calls or reads (methods, properties, fields, events, constructors, operators, user-defined conversions,
/// method groups), the members the compiler calls for it (foreach's GetEnumerator/MoveNext/Current/Dispose,
/// deconstruction, list and positional patterns, implicit indexers and ranges, <c>with</c>, collection builders, delegate
/// combination and equality), and the types of its expressions and declarations (locals, parameters, returns, fields,
/// properties, base types, interfaces, constraints, attributes, caught and matched types), type arguments included. The
/// learner's own symbols are always allowed. The operations files (<c>_Operations</c>) say what each operation uses; the
/// declarations file (<c>_Declarations</c>) what each declared symbol does.</para>
/// <para>One diagnostic per forbidden symbol per statement (or declaration): where a value of a forbidden type is used
/// further (<c>typeof(T).Assembly.GetTypes()</c>), only its origin is reported.</para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class UseOnlyTheAllowedApiAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        RuleIdentifiers.UseOnlyTheAllowedApi,
        "Use only the allowed API",
        "'{0}' ({1}) is not on MemKata's list of allowed APIs, so the grader will not run this code. Instead: {2}.",
        RuleCategories.Sandbox,
        DiagnosticSeverity.Error,
        "Learner code may use the primitives, strings and formatting, Math, spans, the usual collections, LINQ, tuples, "
        + "records, lambdas, the argument exceptions and MemKata.Contracts: the allowlist (src/MemKata.Analyzers/Allowlist/"
        + "Allowlist.txt). Anything else could reach the grader, the reference, or the machine, so the grader refuses it.");

    /// <summary>The diagnostic property holding the forbidden symbol's documentation-comment ID.</summary>
    public const string SymbolProperty = "Symbol";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var checker = new AllowlistChecker(start.Compilation, ApiAllowlist.Default);
            start.RegisterOperationBlockStartAction(block => AnalyzeBlock(block, checker));
            start.RegisterSymbolAction(symbol => AnalyzeDeclaration(symbol, checker),
                SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Field, SymbolKind.Property, SymbolKind.Event);
        });
    }

    private static void AnalyzeBlock(OperationBlockStartAnalysisContext block, AllowlistChecker checker)
    {
        if (block.OperationBlocks.IsEmpty || !LearnerCode.IsLearnerCode(block.Options, block.OperationBlocks[0].Syntax.SyntaxTree))
        {
            return;
        }

        var findings = new ConcurrentBag<Finding>();
        block.RegisterOperationAction(operation =>
        {
            if (!IsInNameof(operation.Operation) && FirstForbidden(operation.Operation, checker) is { } finding)
            {
                findings.Add(finding);
            }
        }, AnalyzedOperations);
        block.RegisterOperationBlockEndAction(end => Report(end.ReportDiagnostic, findings, checker.Allowlist));
    }

    /// <summary>Reports each forbidden symbol once per statement: the finding with the lowest priority (an expression
    /// before a declaration), then the earliest.</summary>
    private static void Report(System.Action<Diagnostic> report, System.Collections.Generic.IEnumerable<Finding> findings,
        ApiAllowlist allowlist)
    {
        var kept = findings
            .GroupBy(f => (f.Scope, f.Symbol), new FindingKeyComparer())
            .Select(group => group.OrderBy(f => f.Priority).ThenBy(f => f.Location.SourceSpan.Start).First())
            .OrderBy(f => f.Location.SourceSpan.Start);
        foreach (var finding in kept)
        {
            report(Create(finding.Location, finding.Symbol, allowlist));
        }
    }

    private static Diagnostic Create(Location location, ISymbol symbol, ApiAllowlist allowlist)
    {
        var name = SymbolApiNames.Of(symbol);
        var id = name?.DocumentationId ?? symbol.ToDisplayString();
        var properties = ImmutableDictionary<string, string?>.Empty.Add(SymbolProperty, id);
        return Diagnostic.Create(Rule, location, properties, SymbolNames.Display(symbol), id,
            name is null ? "it is not on the list" : allowlist.AdviceFor(name));
    }

    private static bool IsInNameof(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The statement or declaration a finding belongs to, for reporting each symbol once in it.</summary>
    private static SyntaxNode ScopeOf(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            if ((ancestor is StatementSyntax && ancestor is not BlockSyntax) || ancestor is MemberDeclarationSyntax
                || ancestor is AttributeSyntax)
            {
                return ancestor;
            }
        }

        return node.SyntaxTree.GetRoot();
    }

    /// <summary>A forbidden symbol used at <paramref name="location"/>, inside the syntax <paramref name="node"/>.</summary>
    private sealed class Finding(SyntaxNode node, Location location, ISymbol symbol, int priority)
    {
        public Location Location { get; } = location;

        public ISymbol Symbol { get; } = symbol;

        public int Priority { get; } = priority;

        public SyntaxNode Scope { get; } = ScopeOf(node);
    }

    private sealed class FindingKeyComparer : System.Collections.Generic.IEqualityComparer<(SyntaxNode Scope, ISymbol Symbol)>
    {
        public bool Equals((SyntaxNode Scope, ISymbol Symbol) x, (SyntaxNode Scope, ISymbol Symbol) y) =>
            x.Scope == y.Scope && SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol);

        public int GetHashCode((SyntaxNode Scope, ISymbol Symbol) obj) =>
            (obj.Scope.GetHashCode() * 397) ^ SymbolEqualityComparer.Default.GetHashCode(obj.Symbol);
    }
}
