using System.Collections.Immutable;
using System.Linq;
using MemKata.Analyzers.Allowlist;
using MemKata.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MemKata.Analyzers.Rules;

/// <summary>MK0006: learner code uses no language feature that reaches under the managed, single-threaded world.</summary>
/// <remarks>Reported, wherever written and whether or not the project allows unsafe blocks: <c>unsafe</c>, pointer and
/// function-pointer types, <c>fixed</c> (statements and fixed-size buffers), <c>stackalloc</c>, <c>dynamic</c> (the
/// keyword or an alias of it, wherever a dynamically bound call starts), <c>__makeref</c>/<c>__reftype</c>/<c>__refvalue</c>/<c>__arglist</c>, <c>extern</c>
/// members (P/Invoke), assembly- and module-level attributes, <c>[ModuleInitializer]</c> (recognised by the attribute's
/// full name, even a learner-declared copy), finalizers, <c>lock</c>, <c>async</c>/<c>await</c>, <c>volatile</c>, delegate
/// and event declarations, and namespaces under <c>System</c> or <c>Microsoft</c> (where the compiler would take a
/// learner's type for one of its own) or under the grader's (<see cref="ReservedNamespaces"/>). Each construct is reported once per statement or declaration.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UsePlainSafeCSharpAnalyzer : DiagnosticAnalyzer
{
    private const string Unsafe = "a pointer would point into the grader's own memory, not into the simulated process: keep "
        + "addresses as ulong and go through IProcessMemory";

    private const string SingleThreaded = "the simulation is single-threaded and synchronous: call methods and use their results";

    private const string Events = "keep a list of Action<...> and call each; events compile to thread-safe delegate combination";

    private static readonly DiagnosticDescriptor Rule = Descriptors.Create(
        RuleIdentifiers.UsePlainSafeCSharp,
        "Use plain, safe C#",
        "'{0}' is not plain, safe C#: it acts outside the calls the grader makes, so the grader will not run this code. {1}.",
        RuleCategories.Sandbox,
        DiagnosticSeverity.Error,
        "Unsafe code, dynamic binding, native calls, code that runs when the assembly loads or when the GC collects, "
        + "threads and assembly-wide attributes all act outside the calls the grader makes, where no test can check them.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var aliases = AliasNames(start.Compilation, start.CancellationToken);
            start.RegisterSemanticModelAction(model => Analyze(model, aliases));
        });
    }

    /// <summary>The names of every using alias in the compilation (global ones reach every file): only these and the
    /// keyword itself can stand for <c>dynamic</c>, so only these are bound.</summary>
    private static ImmutableHashSet<string> AliasNames(Compilation compilation, System.Threading.CancellationToken cancellationToken) =>
        compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot(cancellationToken).DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            .OfType<UsingDirectiveSyntax>()
            .Where(u => u.Alias is not null)
            .Select(u => u.Alias!.Name.Identifier.ValueText)
            .ToImmutableHashSet();

    private static void Analyze(SemanticModelAnalysisContext context, ImmutableHashSet<string> aliases)
    {
        var tree = context.SemanticModel.SyntaxTree;
        if (!LearnerCode.IsLearnerCode(context.Options, tree))
        {
            return;
        }

        // One diagnostic per construct per statement.
        var root = tree.GetRoot(context.CancellationToken);
        var found = root.DescendantTokens().Where(token => token.IsKind(SyntaxKind.UnsafeKeyword))
            .Select(token => (Node: token.Parent!, Location: token.GetLocation(), What: "unsafe", Advice: Unsafe))
            .Concat(root.DescendantNodes().Select(node => (node, construct: Find(node, context.SemanticModel, aliases, context.CancellationToken)))
                .Where(pair => pair.construct is not null)
                .Select(pair => (Node: pair.node, pair.construct!.Value.Location, pair.construct.Value.What, pair.construct.Value.Advice)));
        var kept = found
            .GroupBy(f => (Scope: ScopeOf(f.Node), Key: f.What is "dynamic" or "unsafe" ? f.What : f.What + f.Location.SourceSpan.Start))
            .Select(group => group.OrderBy(f => f.Location.SourceSpan.Start).First())
            .OrderBy(f => f.Location.SourceSpan.Start);
        foreach (var finding in kept)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, finding.Location, finding.What,
                char.ToUpperInvariant(finding.Advice[0]) + finding.Advice.Substring(1)));
        }
    }

    /// <summary>The forbidden construct <paramref name="node"/> is, if any: what to call it, where, and what to do instead.</summary>
    private static (Location Location, string What, string Advice)? Find(SyntaxNode node, SemanticModel model,
        ImmutableHashSet<string> aliases, System.Threading.CancellationToken cancellationToken)
    {
        switch (node)
        {
            case PointerTypeSyntax pointer:
                return (pointer.GetLocation(), pointer.ToString(), Unsafe);
            case FunctionPointerTypeSyntax functionPointer:
                return (functionPointer.DelegateKeyword.GetLocation(), "delegate*", Unsafe);
            case FixedStatementSyntax @fixed:
                return (@fixed.FixedKeyword.GetLocation(), "fixed", Unsafe);
            case FieldDeclarationSyntax field when Modifier(field.Modifiers, SyntaxKind.FixedKeyword) is { } fixedBuffer:
                return (fixedBuffer.GetLocation(), "fixed", Unsafe);
            case FieldDeclarationSyntax field when Modifier(field.Modifiers, SyntaxKind.VolatileKeyword) is { } @volatile:
                return (@volatile.GetLocation(), "volatile", SingleThreaded);
            case StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                return (node.GetFirstToken().GetLocation(), "stackalloc", "use an array (new T[n]); the .NET stack is not the simulated one");
            case MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax:
                return (node.GetFirstToken().GetLocation(), node.GetFirstToken().Text, "pass values and typed parameters");
            case LiteralExpressionSyntax arglist when arglist.IsKind(SyntaxKind.ArgListExpression):
                return (arglist.GetLocation(), "__arglist", "pass values and typed parameters");
            case ParameterSyntax parameter when parameter.Identifier.IsKind(SyntaxKind.ArgListKeyword):
                return (parameter.GetLocation(), "__arglist", "pass values and typed parameters");
            case MemberDeclarationSyntax member when Modifier(member.Modifiers, SyntaxKind.ExternKeyword) is { } @extern:
                return (@extern.GetLocation(), "extern", "native code runs outside the simulation: write the logic in C#");
            case LocalFunctionStatementSyntax local when Modifier(local.Modifiers, SyntaxKind.ExternKeyword) is { } @extern:
                return (@extern.GetLocation(), "extern", "native code runs outside the simulation: write the logic in C#");
            case AttributeListSyntax { Target: { } target } list
                when target.Identifier.IsKind(SyntaxKind.AssemblyKeyword) || target.Identifier.IsKind(SyntaxKind.ModuleKeyword):
                return (list.GetLocation(), "[" + target.Identifier.Text + ": ...]",
                    "attributes on the whole assembly change how the grader loads and sees it: put attributes on your own types");
            case AttributeSyntax attribute when IsModuleInitializer(attribute, model, cancellationToken):
                return (attribute.GetLocation(), "[ModuleInitializer]", "code that runs when the assembly loads runs before and outside every test: "
                    + "initialise in your constructor");
            case DestructorDeclarationSyntax destructor:
                return (destructor.Identifier.GetLocation(), "~" + destructor.Identifier.Text + "()",
                    "a finalizer runs on the garbage collector's thread, outside any test: free simulated memory explicitly");
            case LockStatementSyntax @lock:
                return (@lock.LockKeyword.GetLocation(), "lock", SingleThreaded);
            case AwaitExpressionSyntax await:
                return (await.AwaitKeyword.GetLocation(), "await", SingleThreaded);
            case CommonForEachStatementSyntax { AwaitKeyword: { RawKind: (int)SyntaxKind.AwaitKeyword } await }:
                return (await.GetLocation(), "await foreach", SingleThreaded);
            case UsingStatementSyntax { AwaitKeyword: { RawKind: (int)SyntaxKind.AwaitKeyword } await }:
                return (await.GetLocation(), "await using", SingleThreaded);
            case LocalDeclarationStatementSyntax { AwaitKeyword: { RawKind: (int)SyntaxKind.AwaitKeyword } await }:
                return (await.GetLocation(), "await using", SingleThreaded);
            case MethodDeclarationSyntax method when Modifier(method.Modifiers, SyntaxKind.AsyncKeyword) is { } async:
                return (async.GetLocation(), "async", SingleThreaded);
            case LocalFunctionStatementSyntax local when Modifier(local.Modifiers, SyntaxKind.AsyncKeyword) is { } async:
                return (async.GetLocation(), "async", SingleThreaded);
            case AnonymousFunctionExpressionSyntax { AsyncKeyword: { RawKind: (int)SyntaxKind.AsyncKeyword } async }:
                return (async.GetLocation(), "async", SingleThreaded);
            case DelegateDeclarationSyntax @delegate:
                return (@delegate.Identifier.GetLocation(), "delegate " + @delegate.Identifier.Text,
                    "use Func<...> or Action<...>, and call them; a delegate type brings Delegate's reflection members with it");
            case EventFieldDeclarationSyntax eventField:
                return (eventField.EventKeyword.GetLocation(), "event", Events);
            case EventDeclarationSyntax @event:
                return (@event.EventKeyword.GetLocation(), "event", Events);
            case BaseNamespaceDeclarationSyntax ns when ReservedNamespaces.RootOf(ns.Name.ToString()) is { } root:
                return (ns.Name.GetLocation(), "namespace " + ns.Name, root is "System" or "Microsoft"
                    ? "the compiler takes some types of these namespaces for its own: name your namespace after your component"
                    : $"{root} is the grader's: a type of yours there could only be mistaken for one of its own; name your namespace after your component");
            case IdentifierNameSyntax { IsVar: false } name when IsDynamic(name, model, aliases, cancellationToken):
                return (name.GetLocation(), "dynamic", "call the members of MemKata.Contracts' static types; a dynamically bound call "
                    + "reaches anything the run-time binder can find");
            default:
                return null;
        }
    }

    private static SyntaxNode ScopeOf(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            if ((ancestor is StatementSyntax && ancestor is not BlockSyntax) || ancestor is MemberDeclarationSyntax)
            {
                return ancestor;
            }
        }

        return node.SyntaxTree.GetRoot();
    }

    private static SyntaxToken? Modifier(SyntaxTokenList modifiers, SyntaxKind kind)
    {
        foreach (var modifier in modifiers)
        {
            if (modifier.IsKind(kind))
            {
                return modifier;
            }
        }

        return null;
    }

    /// <summary>The attribute the compiler turns into a module initializer, matched by its full name as the compiler
    /// does (so a learner-declared copy counts too).</summary>
    private static bool IsModuleInitializer(AttributeSyntax attribute, SemanticModel model, System.Threading.CancellationToken cancellationToken) =>
        model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType is { } type
        && SymbolNames.FullMetadataName(type) == "System.Runtime.CompilerServices.ModuleInitializerAttribute";

    /// <summary>A name that stands for the type <c>dynamic</c>: the keyword, or an alias of it. Every dynamically bound
    /// call starts from one (a value of type dynamic from a library member is MK0001's: no such member is allowed), and
    /// the image check sees the call sites themselves (Microsoft.CSharp).</summary>
    private static bool IsDynamic(IdentifierNameSyntax name, SemanticModel model, ImmutableHashSet<string> aliases,
        System.Threading.CancellationToken cancellationToken) =>
        (name.Identifier.ValueText == "dynamic" || aliases.Contains(name.Identifier.ValueText))
        && model.GetTypeInfo(name, cancellationToken).Type is { TypeKind: TypeKind.Dynamic };
}
