using System.Collections.Immutable;
using MemKata.Grading.Worker.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace MemKata.Grading.Worker.Compiling;

/// <summary>
/// Roslyn, in the compile job: the learner's files become <c>MemKata.Submission.dll</c>, referencing the .NET libraries
/// and <c>MemKata.Contracts</c> only; the hidden tests become <c>MemKata.Graders.&lt;Slug&gt;.dll</c>, referencing the
/// submission under the extern alias <c>learner</c> (so no learner type enters the suite's global namespace: only the
/// grader's <c>Subject.cs</c>, which says <c>extern alias learner;</c>, can name one), the engine, NUnit and the
/// snapshot libraries, with the committed snapshots as resources. Two assemblies, so learner code cannot reach the
/// engine or the hidden tests' internals, and the compiler says so in words a learner knows. Both carry an embedded PDB:
/// a failure's stack trace names the learner's file and line. One instance per session: the hidden tests are parsed
/// once and reused for every submission.
/// </summary>
internal sealed class SubmissionCompiler
{
    /// <summary>The learner assembly's name; hidden tests reference it.</summary>
    public const string SubmissionAssemblyName = "MemKata.Submission";

    /// <summary>The extern alias under which the hidden suite references the learner's assembly.</summary>
    public const string LearnerAlias = "learner";

    private static readonly CSharpParseOptions _parse = new(LanguageVersion.Latest);
    private static readonly EmitOptions _emit = new(debugInformationFormat: DebugInformationFormat.Embedded);
    private static readonly EmitOptions _surface = new(metadataOnly: true, includePrivateMembers: false);

    // Suites compiled in this session, by the learner surface they were compiled against (most sessions see one).
    private const int MaxSuites = 16;

    private readonly CompileSetup _setup;
    private readonly SyntaxTree _learnerUsings;
    private readonly ImmutableArray<SyntaxTree> _suiteTrees;
    private readonly ImmutableArray<ResourceDescription> _resources;
    private readonly Dictionary<string, (byte[]? Image, IReadOnlyList<CompileProblem> Problems)> _suites = new(StringComparer.Ordinal);

    /// <summary>Prepares to compile submissions against the hidden suite of <paramref name="setup"/>.</summary>
    public SubmissionCompiler(CompileSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        _learnerUsings = Parse(UsingsSource(setup.LearnerUsings), "GlobalUsings.g.cs");
        _suiteTrees =
        [
            Parse(UsingsSource(setup.SuiteUsings), "GraderGlobalUsings.g.cs"),
            .. setup.SuiteSources.Select(source => Parse(source.Text, source.Path)),
        ];
        _resources = [.. setup.SuiteResources.Select(resource =>
            new ResourceDescription(resource.Name, () => new MemoryStream(resource.Content, writable: false), isPublic: false))];
    }

    /// <summary>The learner's files as a compilation, not yet emitted: what the analyzers check.</summary>
    public CSharpCompilation CompileLearner(IEnumerable<SourceFile> files) =>
        CSharpCompilation.Create(
            SubmissionAssemblyName,
            [_learnerUsings, .. files.Select(f => LearnerVisibility.HideAllBut(Parse(f.Text, f.Path), _setup.Component))],
            CompileReferences.ForLearner,
            Options);

    /// <summary>The trees of <paramref name="learner"/> that the learner wrote (not the generated global usings).</summary>
    public IReadOnlyList<SyntaxTree> LearnerTrees(CSharpCompilation learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return [.. learner.SyntaxTrees.Where(tree => !ReferenceEquals(tree, _learnerUsings))];
    }

    /// <summary>Emits the learner's assembly alone, in memory (with its embedded PDB): its image, or null and the
    /// learner's compiler errors (<c>file:line:col</c>).</summary>
    public static (byte[]? Image, IReadOnlyList<CompileProblem> Problems) EmitLearner(CSharpCompilation learner, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(learner);
        using var image = new MemoryStream();
        var result = learner.Emit(image, options: _emit, cancellationToken: cancel);
        return result.Success ? (image.ToArray(), []) : (null, [.. Errors(result.Diagnostics, hidden: false)]);
    }

    /// <summary>Compiles the hidden suite against <paramref name="learner"/> (emitted as <paramref name="learnerImage"/>):
    /// its image, or null and what the suite lacks in this submission (<c>MKG002</c>). The suite sees only the learner's
    /// public surface, so the result is kept per surface (the SHA-256 of the learner's reference assembly) and reused for
    /// every later submission of the session with the same surface: byte for byte what compiling it again would give
    /// (deterministic, and a reference names an assembly, never its content).</summary>
    public (byte[]? Image, IReadOnlyList<CompileProblem> Problems) EmitSuite(
        CSharpCompilation learner, byte[] learnerImage, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var surface = Surface(learner, cancel);
        if (surface is not null && _suites.TryGetValue(surface, out var kept))
        {
            return kept;
        }

        var compiled = EmitSuite(learnerImage, cancel);
        if (surface is not null)
        {
            if (_suites.Count >= MaxSuites)
            {
                _suites.Clear();
            }

            _suites[surface] = compiled;
        }

        return compiled;
    }

    /// <summary>Compiles the suite against <paramref name="learnerImage"/>: its image, or null and what the hidden suite
    /// lacks in this submission (<c>MKG002</c>), or the public tests' own errors (<see cref="CompileSetup.PublicTests"/>).</summary>
    public (byte[]? Image, IReadOnlyList<CompileProblem> Problems) EmitSuite(byte[] learnerImage, CancellationToken cancel = default)
    {
        var learner = MetadataReference.CreateFromImage(learnerImage);
        learner = _setup.PublicTests ? learner : learner.WithAliases([LearnerAlias]);
        var suite = CSharpCompilation.Create(_setup.SuiteAssemblyName, _suiteTrees, CompileReferences.ForGrader.Append(learner), SuiteOptions);
        using var image = new MemoryStream();
        var result = suite.Emit(image, options: _emit, manifestResources: _resources, cancellationToken: cancel);
        return result.Success ? (image.ToArray(), []) : (null, [.. Errors(result.Diagnostics, hidden: !_setup.PublicTests)]);
    }

    // The learner's public surface, as the hash of its reference assembly (what another assembly can see of it), or
    // null when it cannot be emitted.
    private static string? Surface(CSharpCompilation learner, CancellationToken cancel)
    {
        using var reference = new MemoryStream();
        var result = learner.Emit(reference, options: _surface, cancellationToken: cancel);
        return result.Success ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(reference.ToArray())) : null;
    }

    private static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(SourceText.From(text, System.Text.Encoding.UTF8), _parse, path);

    private static string UsingsSource(IEnumerable<string> namespaces) =>
        string.Concat(namespaces.Distinct(StringComparer.Ordinal).Select(n => $"global using global::{n};\n"));

    // The learner's code is compiled for debugging, so that every frame of a failure's stack trace names its file and
    // line (the JIT neither inlines nor reorders it).
    private static CSharpCompilationOptions Options { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Debug,
        allowUnsafe: false,
        deterministic: true);

    // The hidden suite is compiled optimized: its frames are never shown, and its checks run after every learner call
    // (an assertion per block and per operation), so the JIT's optimized code is most of a test's time.
    private static CSharpCompilationOptions SuiteOptions { get; } = Options.WithOptimizationLevel(OptimizationLevel.Release);

    // A learner's error names their file and line. An error in the hidden tests names no hidden file: it means the
    // submission lacks what the tests use (a renamed class, a changed constructor), so say that.
    private static IEnumerable<CompileProblem> Errors(ImmutableArray<Diagnostic> diagnostics, bool hidden)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20);
        if (!hidden)
        {
            return errors.Select(d =>
            {
                var span = d.Location.GetLineSpan();
                var inSource = d.Location.IsInSource;
                return new CompileProblem(
                    inSource ? span.Path : null,
                    inSource ? span.StartLinePosition.Line + 1 : null,
                    inSource ? span.StartLinePosition.Character + 1 : null,
                    d.Id,
                    d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                    true);
            });
        }

        return errors
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Replace(LearnerAlias + "::", "", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(message => new CompileProblem(null, null, null, "MKG002",
                $"the hidden tests do not build against your code: {message}. Keep the class name, constructor and " +
                "public members the instructions ask for (see .docs/instructions.md).", true));
    }
}
