using MemKata.Grading.Layout;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemKata.Grading;

/// <summary>
/// The exercise's reference solution laid out as a submission: each <c>files.example</c> file written under the name of
/// the <c>files.solution</c> file at the same position (Exercism's swap of the example over the stub). A reference that
/// lives in the engine (the kernel exercises' <c>src/MemKata.Engine/Reference/*.cs</c>, one copy used by the engine and
/// by the exercise) is rewritten with Roslyn as a learner would have written it: out of its namespace, its type renamed
/// to the exercise's component type (<c>ReferencePageFaultHandler</c> becomes <c>FaultHandler</c>).
/// </summary>
public static class ReferenceSubmission
{
    /// <summary>Writes the reference of <paramref name="exercise"/> into <paramref name="directory"/> (created) and
    /// returns it. Throws <see cref="GradingInputException"/> when the manifest lists no matching example files.</summary>
    public static string Create(ExerciseLayout exercise, string directory)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var solution = exercise.Config.Files.Solution;
        Directory.CreateDirectory(directory);
        for (var i = 0; i < solution.Count; i++)
        {
            var target = Path.Combine(directory, solution[i]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, Source(exercise, i));
        }

        return directory;
    }

    /// <summary>The text of the reference for solution file <paramref name="index"/> of <paramref name="exercise"/>,
    /// laid out as a submission. Throws <see cref="GradingInputException"/> when the manifest lists no matching example.</summary>
    public static string Source(ExerciseLayout exercise, int index)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var solution = exercise.Config.Files.Solution;
        var example = exercise.Config.Files.Example ?? [];
        if (example.Count != solution.Count)
        {
            throw new GradingInputException(
                $"{Path.Combine(exercise.ExerciseDirectory, ".meta", "config.json")}: \"files.example\" must list one " +
                $"reference file per solution file ({solution.Count}), in the same order; it lists {example.Count}.");
        }

        var source = Path.GetFullPath(Path.Combine(exercise.ExerciseDirectory, example[index]));
        if (!File.Exists(source))
        {
            throw new GradingInputException($"{source} is missing: .meta/config.json lists it as the reference for {solution[index]}.");
        }

        var text = File.ReadAllText(source);
        return exercise.Config.Component is { } component ? AsComponent(text, component.Type) : text;
    }

    /// <summary>
    /// <paramref name="source"/> with its file-scoped or block namespace removed (its members moved to the global
    /// namespace) and its one top-level type renamed to <paramref name="typeName"/>, constructors and every other
    /// mention of the name included. Source that already declares <paramref name="typeName"/> comes back unchanged.
    /// </summary>
    public static string AsComponent(string source, string typeName)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        var root = CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot();
        if (root.DescendantNodes().OfType<TypeDeclarationSyntax>().Any(t => t.Identifier.Text == typeName))
        {
            // Already written as the exercise's component (an exercise's own .meta/Example.cs): leave it as it is.
            return source;
        }

        var namespaces = root.Members.OfType<BaseNamespaceDeclarationSyntax>().ToList();

        var types = root.DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => t.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax).ToList();
        if (types.Count != 1)
        {
            throw new GradingInputException($"the reference must declare exactly one top-level type to lay out as {typeName}; it declares {types.Count}");
        }

        var oldName = types[0].Identifier.Text;
        if (namespaces.Count > 0)
        {
            var members = namespaces.SelectMany(n => n.Members).ToArray();
            var leading = namespaces[0] is FileScopedNamespaceDeclarationSyntax ? members[0].GetLeadingTrivia() : default;
            members[0] = members[0].WithLeadingTrivia(leading);
            root = root.WithMembers(SyntaxFactory.List(root.Members.Where(m => m is not BaseNamespaceDeclarationSyntax).Concat(members)));
        }

        root = new Renamer(oldName, typeName).Visit(root) as CompilationUnitSyntax ?? root;
        return root.ToFullString();
    }

    // Renames every identifier token spelling the old type name: the declaration, its constructors, cref and uses.
    private sealed class Renamer(string from, string to) : CSharpSyntaxRewriter(visitIntoStructuredTrivia: true)
    {
        public override SyntaxToken VisitToken(SyntaxToken token) =>
            token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == from
                ? SyntaxFactory.Identifier(token.LeadingTrivia, to, token.TrailingTrivia)
                : base.VisitToken(token);
    }
}
