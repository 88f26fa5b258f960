using MemKata.Grading.Layout;
using MemKata.Grading.Steps;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MemKata.Grading.Similarity;

/// <summary>
/// The similarity check wired to an exercise's layout. The references are <c>files.example</c> (named
/// <c>reference</c>) and every class of <c>src/MemKata.Engine</c> that implements the component's interface (named
/// <c>engine ClassName</c>, all its partial files together; files already given by <c>files.example</c> are not read
/// twice): the published starter ships the engine compiled, which a decompiler turns back into C#, and the repository's
/// source passes between students, so a learner can copy the engine's reference components and glibc's malloc as well
/// as the exercise's reference. The base code is
/// the stub (the exercise folder's <c>files.solution</c> files as shipped), and a submission is the
/// <c>files.solution</c> files of its folder, read as grading reads them (<see cref="SubmissionFiles"/>). What the
/// grading pipeline calls; nothing here changes a score.
/// </summary>
public static class ExerciseSimilarity
{
    /// <summary>The checker of <paramref name="exercise"/>, or null when it has no reference at all (no readable
    /// <c>files.example</c> and no engine class implementing its interface): then nothing is checked and reports say
    /// nothing.</summary>
    public static SimilarityChecker? Checker(ExerciseLayout exercise, SimilarityOptions? options = null)
    {
        var references = References(exercise);
        return references.Count == 0
            ? null
            : new SimilarityChecker([.. references.Select(r => (r.Name, SimilaritySource.Read(r.Paths)))], Stub(exercise), options);
    }

    /// <summary>What <see cref="Checker"/> compares a submission with: <c>files.example</c> (named
    /// <see cref="SimilarityChecker.ReferenceName"/>, when every file of it exists), then each engine implementation
    /// of <see cref="EngineImplementations"/> whose files are not already a reference (a <c>files.example</c> that
    /// points at the engine's component is one reference, not two). Full paths.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Paths)> References(ExerciseLayout exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var references = new List<(string Name, IReadOnlyList<string> Paths)>();
        var example = (exercise.Config.Files.Example ?? [])
            .Select(file => Path.GetFullPath(Path.Combine(exercise.ExerciseDirectory, file))).ToList();
        if (example.Count > 0 && example.All(File.Exists))
        {
            references.Add((SimilarityChecker.ReferenceName, example));
        }

        references.AddRange(EngineImplementations(exercise)
            .Where(engine => !references.Any(known => known.Paths.Order().SequenceEqual(engine.Paths.Order()))));
        return references;
    }

    /// <summary>Each class under <c>src/MemKata.Engine</c> whose base list names the component's interface, with every
    /// file that declares a part of it, by class name (ordinal). Read from syntax: the engine is the repository's own
    /// code.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Paths)> EngineImplementations(ExerciseLayout exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var engine = Path.Combine(exercise.RepositoryRoot, "src", "MemKata.Engine");
        var contract = exercise.Config.Component?.Interface?.Split('.')[^1];
        if (contract is null || !Directory.Exists(engine))
        {
            return [];
        }

        // Parse only what can matter: files naming the interface, then files naming a class that implements it.
        var files = Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Where(path => !ExerciseLayout.IsBuildOutput(engine, path))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .ToList();
        var implementations = Classes(files.Where(f => f.Text.Contains(contract, StringComparison.Ordinal)))
            .Where(d => d.Type.BaseList?.Types.Any(t => RightmostName(t.Type) == contract) == true)
            .Select(d => d.Type.Identifier.ValueText)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return [.. implementations.Select(name => ($"engine {name}", (IReadOnlyList<string>)[.. Classes(
                files.Where(f => f.Text.Contains("class " + name, StringComparison.Ordinal)))
            .Where(d => d.Type.Identifier.ValueText == name)
            .Select(d => d.Path)
            .Distinct()]))];
    }

    private static IEnumerable<(string Path, ClassDeclarationSyntax Type)> Classes(IEnumerable<(string Path, string Text)> files) =>
        files.SelectMany(file => CSharpSyntaxTree.ParseText(file.Text).GetRoot()
            .DescendantNodes().OfType<ClassDeclarationSyntax>().Select(type => (file.Path, type)));

    /// <summary>The stub: the exercise folder's <c>files.solution</c> files that exist.</summary>
    public static IReadOnlyList<SimilaritySource> Stub(ExerciseLayout exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return Submission(exercise, exercise.ExerciseDirectory) ?? [];
    }

    /// <summary>The sources of the submission in <paramref name="submissionDirectory"/>: its <c>files.solution</c>
    /// files, named as declared; null when one is missing or too large (grading reports that, and there is nothing
    /// whole to compare).</summary>
    public static IReadOnlyList<SimilaritySource>? Submission(ExerciseLayout exercise, string submissionDirectory)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var (files, problems) = SubmissionFiles.Collect(exercise.Config, submissionDirectory);
        return problems.Count > 0 ? null : [.. files.Select(f => new SimilaritySource(f.Path, f.Text))];
    }

    private static string RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };

    /// <summary>Every pair of <paramref name="submissionDirectories"/> compared (class mode), each named by its folder's
    /// name; a submission with a missing file takes no part.</summary>
    public static ClassSimilarityReport CompareClass(
        ExerciseLayout exercise, IReadOnlyList<string> submissionDirectories, SimilarityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(submissionDirectories);
        var submissions = new Dictionary<string, IReadOnlyList<SimilaritySource>>(StringComparer.Ordinal);
        foreach (var folder in submissionDirectories)
        {
            if (Submission(exercise, folder) is { } sources)
            {
                submissions[Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))] = sources;
            }
        }

        return ClassSimilarity.Compare(submissions, Stub(exercise), options);
    }
}
