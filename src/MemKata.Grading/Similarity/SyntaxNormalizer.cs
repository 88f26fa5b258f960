using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemKata.Grading.Similarity;

/// <summary>
/// C# sources → a <see cref="NormalizedProgram"/>: each file parsed by Roslyn (never compiled, never run), every member
/// declaration tokenized on its own (<see cref="UnitTokenizer"/> says which differences it erases), then the members
/// sorted by their tokens, so that their order in the files, and which file holds which, no longer matters. Usings,
/// namespaces and type headers (<c>public sealed class Allocator : IAllocator</c>) give no tokens: every submission has
/// the same ones. A syntax error only makes a partial tree, so any text can be given; text nested too deeply to parse in
/// bounded time is lexed instead (<see cref="LexicalFallback"/>).
/// </summary>
public static class SyntaxNormalizer
{
    private static readonly CSharpParseOptions _options = new(LanguageVersion.Preview, DocumentationMode.None);

    /// <summary>The normalised program of <paramref name="sources"/>. Same sources, same program: nothing depends on the
    /// machine, the run or the order of anything but the sources' own text.</summary>
    public static NormalizedProgram Normalize(IReadOnlyList<SimilaritySource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Select(s => (s.Path, Depth: LexicalFallback.Nesting(s.Text))).FirstOrDefault(s => s.Depth > LexicalFallback.MaxNesting) is
            { Path: { } deep, Depth: var depth })
        {
            return LexicalFallback.Tokenize(sources,
                $"{deep} nests brackets {depth} deep (more than {LexicalFallback.MaxNesting}): compared by its tokens alone, names not told apart");
        }

        var roots = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, _options, s.Path).GetRoot()).ToList();
        var names = DeclaredNames.Collect(roots);
        var units = new List<IReadOnlyList<NormalizedToken>>();
        for (var file = 0; file < roots.Count; file++)
        {
            var tokenizer = new UnitTokenizer(names, file);
            units.AddRange(Units(roots[file]).Select(tokenizer.Tokenize).Where(tokens => tokens.Count > 0));
        }

        // Canonical order: by the tokens' codes (lexicographic, shorter first on a common prefix); equal units keep the
        // order they came in, which only decides which of two identical members is reported first.
        var ordered = units.Select((tokens, index) => (tokens, index))
            .OrderBy(u => u.tokens, UnitOrder.Instance)
            .ThenBy(u => u.index)
            .Select(u => u.tokens)
            .ToList();
        var all = new List<NormalizedToken>();
        for (var unit = 0; unit < ordered.Count; unit++)
        {
            all.AddRange(ordered[unit].Select(t => t with { Unit = unit }));
        }

        return new NormalizedProgram(sources, all);
    }

    // The member declarations of a file, nested types' members included, without recursion (nesting is the learner's).
    private static IEnumerable<SyntaxNode> Units(SyntaxNode root)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            IEnumerable<SyntaxNode> inner = node switch
            {
                CompilationUnitSyntax unit => unit.Members,
                BaseNamespaceDeclarationSyntax space => space.Members,
                TypeDeclarationSyntax type => type.ParameterList is { } parameters ? [parameters, .. type.Members] : type.Members,
                _ => [],
            };
            if (node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
            {
                foreach (var child in inner.Reverse())
                {
                    pending.Push(child);
                }
            }
            else
            {
                yield return node;
            }
        }
    }

    private sealed class UnitOrder : IComparer<IReadOnlyList<NormalizedToken>>
    {
        public static readonly UnitOrder Instance = new();

        public int Compare(IReadOnlyList<NormalizedToken>? x, IReadOnlyList<NormalizedToken>? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                var order = x[i].Code.CompareTo(y[i].Code);
                if (order != 0)
                {
                    return order;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
