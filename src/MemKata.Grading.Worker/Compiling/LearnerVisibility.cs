using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemKata.Grading.Worker.Compiling;

/// <summary>
/// Before the learner's files are compiled, every top-level public type except the exercise's component becomes
/// internal. The hidden tests compile against the learner's assembly, and C# looks in the global namespace before it
/// looks at using directives: a learner's public <c>Assert</c> (or <c>Is</c>, <c>Throws</c>...) would otherwise stand
/// in for NUnit's inside the hidden tests. Inside one assembly public and internal mean the same, so honest code is not
/// affected; only a component whose public members expose another public type of the learner's stops compiling, with
/// the compiler's own message.
/// </summary>
internal static class LearnerVisibility
{
    /// <summary>Returns <paramref name="tree"/> with every top-level public type not named <paramref name="component"/>
    /// made internal (the same tree when there is none, or when the exercise names no component). Line numbers do not
    /// change.</summary>
    public static SyntaxTree HideAllBut(SyntaxTree tree, string? component)
    {
        if (component is null)
        {
            return tree;
        }

        var root = tree.GetRoot();
        var exposed = root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<MemberDeclarationSyntax>()
            .Where(member => member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax
                && member.Parent is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax
                && member.Modifiers.Any(SyntaxKind.PublicKeyword)
                && Name(member) != component)
            .ToList();
        if (exposed.Count == 0)
        {
            return tree;
        }

        var rewritten = root.ReplaceNodes(exposed, (original, _) =>
        {
            var modifiers = original.Modifiers;
            var index = modifiers.IndexOf(SyntaxKind.PublicKeyword);
            var internalKeyword = SyntaxFactory.Token(modifiers[index].LeadingTrivia, SyntaxKind.InternalKeyword, modifiers[index].TrailingTrivia);
            return original.WithModifiers(modifiers.Replace(modifiers[index], internalKeyword));
        });
        return tree.WithRootAndOptions(rewritten, tree.Options);
    }

    private static string? Name(MemberDeclarationSyntax member) => member switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText,
        _ => null,
    };
}
