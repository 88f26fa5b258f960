using System.Collections.Immutable;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace MemKata.Grading.Steps;

/// <summary>
/// Step 3, in-process with Roslyn: the learner's files become <c>MemKata.Submission.dll</c>, referencing the .NET
/// libraries and <c>MemKata.Contracts</c> only; the hidden tests become <c>MemKata.Graders.&lt;Slug&gt;.dll</c>,
/// referencing the submission, the engine, NUnit and the snapshot libraries. Two assemblies, so learner code cannot
/// reach the engine or the hidden tests' internals, and the compiler says so in words a learner knows. Both carry an
/// embedded PDB: a failure's stack trace names the learner's file and line. One instance per exercise: the hidden
/// tests are parsed once and reused for every submission.
/// </summary>
public sealed class SubmissionCompiler
{
    /// <summary>The learner assembly's name; hidden tests reference it.</summary>
    public const string SubmissionAssemblyName = "MemKata.Submission";

    private static readonly CSharpParseOptions _parse = new(LanguageVersion.Latest);
    private static readonly EmitOptions _emit = new(debugInformationFormat: DebugInformationFormat.Embedded);

    private readonly ExerciseLayout _exercise;
    private readonly SyntaxTree _learnerUsings;
    private readonly Lazy<ImmutableArray<SyntaxTree>> _graderTrees;

    /// <summary>Prepares to compile submissions of <paramref name="exercise"/>.</summary>
    public SubmissionCompiler(ExerciseLayout exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        _exercise = exercise;
        var learnerUsings = ProjectUsings.Implicit.Concat(ProjectUsings.FromProjects(exercise.ExerciseDirectory))
            .Where(n => !n.StartsWith("NUnit", StringComparison.Ordinal) && !n.StartsWith("MemKata.Testing", StringComparison.Ordinal));
        _learnerUsings = Parse(ProjectUsings.Source(learnerUsings), "GlobalUsings.g.cs");
        _graderTrees = new(() =>
        [
            Parse(
                ProjectUsings.Source(ProjectUsings.Implicit.Concat(ProjectUsings.FromProjects(exercise.ExerciseDirectory)).Append("NUnit.Framework")),
                "GraderGlobalUsings.g.cs"),
            .. exercise.GraderSources.Select(path => Parse(File.ReadAllText(path), path)),
        ]);
    }

    /// <summary>The hidden suite's assembly name, <c>MemKata.Graders.&lt;Slug&gt;</c>.</summary>
    public string SuiteAssemblyName => "MemKata.Graders." + string.Concat(
        _exercise.Slug.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>The learner's files as a compilation, not yet emitted: what preflight checks analyze.</summary>
    public CSharpCompilation CompileLearner(IEnumerable<(string Path, string Text)> files) =>
        CSharpCompilation.Create(
            SubmissionAssemblyName,
            [_learnerUsings, .. files.Select(f => LearnerVisibility.HideAllBut(Parse(f.Text, f.Path), _exercise.Config.Component?.Type))],
            CompileReferences.ForLearner,
            Options);

    /// <summary>The trees of <paramref name="learner"/> that the learner wrote (not the generated global usings).</summary>
    public IReadOnlyList<SyntaxTree> LearnerTrees(CSharpCompilation learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return [.. learner.SyntaxTrees.Where(tree => !ReferenceEquals(tree, _learnerUsings))];
    }

    /// <summary>Emits the learner's assembly and the hidden suite into <paramref name="outputDirectory"/>. Returns the
    /// suite's path, or null and the problems (the learner's compiler errors, or the hidden tests' errors against this
    /// submission) when either does not compile.</summary>
    public (string? SuitePath, IReadOnlyList<SourceProblem> Problems) Emit(CSharpCompilation learner, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var (learnerImage, learnerErrors) = EmitLearner(learner);
        if (learnerImage is null)
        {
            return (null, learnerErrors);
        }

        var suite = CSharpCompilation.Create(
            SuiteAssemblyName,
            _graderTrees.Value,
            CompileReferences.ForGrader.Append(MetadataReference.CreateFromImage(learnerImage)),
            Options);
        using var suiteImage = new MemoryStream();
        var suiteResult = suite.Emit(suiteImage, options: _emit);
        if (!suiteResult.Success)
        {
            return (null, [.. Errors(suiteResult.Diagnostics, hidden: true)]);
        }

        Directory.CreateDirectory(outputDirectory);
        File.WriteAllBytes(Path.Combine(outputDirectory, SubmissionAssemblyName + ".dll"), learnerImage);
        var suitePath = Path.Combine(outputDirectory, SuiteAssemblyName + ".dll");
        File.WriteAllBytes(suitePath, suiteImage.ToArray());
        return (suitePath, []);
    }

    /// <summary>Emits the learner's assembly alone, in memory (with its embedded PDB): its image, or null and the
    /// learner's compiler errors (<c>file:line:col</c>).</summary>
    public static (byte[]? Image, IReadOnlyList<SourceProblem> Problems) EmitLearner(CSharpCompilation learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        using var image = new MemoryStream();
        var result = learner.Emit(image, options: _emit);
        return result.Success ? (image.ToArray(), []) : (null, [.. Errors(result.Diagnostics, hidden: false)]);
    }

    private static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(SourceText.From(text, System.Text.Encoding.UTF8), _parse, path);

    private static CSharpCompilationOptions Options { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Debug,
        allowUnsafe: false,
        deterministic: true);

    // A learner's error names their file and line. An error in the hidden tests names no hidden file: it means the
    // submission lacks what the tests use (a renamed class, a changed constructor), so say that.
    private static IEnumerable<SourceProblem> Errors(ImmutableArray<Diagnostic> diagnostics, bool hidden)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20);
        if (!hidden)
        {
            return errors.Select(d =>
            {
                var span = d.Location.GetLineSpan();
                var inSource = d.Location.IsInSource;
                return new SourceProblem(
                    inSource ? span.Path : null,
                    inSource ? span.StartLinePosition.Line + 1 : null,
                    inSource ? span.StartLinePosition.Character + 1 : null,
                    d.Id,
                    d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                    true);
            });
        }

        return errors
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .Distinct(StringComparer.Ordinal)
            .Select(message => new SourceProblem(null, null, null, "MKG002",
                $"the hidden tests do not build against your code: {message}. Keep the class name, constructor and " +
                "public members the instructions ask for (see .docs/instructions.md).", true));
    }
}
