using System.Collections.Immutable;
using System.Text.Json;
using MemKata.Contracts;
using MemKata.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MemKata.Analyzers.Tests.Infrastructure;

/// <summary>The repository's learner-shaped code, as the grader compiles it: each file alone, against .NET and
/// MemKata.Contracts, with the SDK's implicit global usings in a tree of their own (not learner code).</summary>
internal static class LearnerSources
{
    /// <summary>What a submission compiles against.</summary>
    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(IAllocator).Assembly.Location),
    ];

    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>Every reference solution, stub and honest sample (repository-relative, '/'-separated): the exercises'
    /// <c>.meta/Example.cs</c> and stubs, the engine's reference kernel components, and the sample submissions whose
    /// folder is not <c>adversarial-*</c>.</summary>
    public static IEnumerable<string> Honest() =>
        Directory.GetDirectories(Path.Combine(Repository.Root, "exercises"))
            .SelectMany(exercise => Directory.GetFiles(exercise, "*.cs").Where(f => !f.EndsWith("Tests.cs", StringComparison.Ordinal))
                .Concat(Directory.GetFiles(Path.Combine(exercise, ".meta"), "*.cs")))
            .Concat(new[] { "ReferencePageFaultHandler.cs", "ReferenceReclaimPolicy.cs" }
                .Select(name => Path.Combine(Repository.Root, "src", "MemKata.Engine", "Reference", name)))
            .Concat(SampleFolders().Where(folder => !Path.GetFileName(folder).StartsWith("adversarial-", StringComparison.Ordinal))
                .SelectMany(SampleSubmission.SourceFiles))
            .Select(Relative)
            .Order(StringComparer.Ordinal);

    /// <summary>The adversarial samples the grader rejected before running them (<c>expected.json</c>: outcome
    /// <c>Rejected</c> or <c>CompileError</c>), which must stay rejected.</summary>
    public static IEnumerable<string> RejectedAdversarial() =>
        SampleFolders().Where(folder => Path.GetFileName(folder).StartsWith("adversarial-", StringComparison.Ordinal)
                && Outcome(folder) is "Rejected" or "CompileError")
            .SelectMany(SampleSubmission.SourceFiles)
            .Select(Relative)
            .Order(StringComparer.Ordinal);

    /// <summary>The file compiled as a submission: the compilation and the learner's tree in it.</summary>
    /// <remarks>The engine's reference kernel components (<see cref="UsesTheEngine"/>) still call engine helpers, so
    /// they are compiled with the engine referenced.</remarks>
    /// <remarks>Unsafe code is allowed by default, as the analyzers' runner compiles (so that it is reported as MK0006,
    /// not as a compile error); the grader's emitting compilation does not allow it (<paramref name="allowUnsafe"/>).</remarks>
    public static (CSharpCompilation Compilation, SyntaxTree Learner) Compile(string relativePath,
        OptimizationLevel optimization = OptimizationLevel.Debug, bool allowUnsafe = true)
    {
        var path = Path.Combine(Repository.Root, relativePath);
        var learner = CSharpSyntaxTree.ParseText(SampleSubmission.ReadSource(path), new CSharpParseOptions(LanguageVersion.Latest), path);
        var usings = CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(n => $"global using global::{n};\n")),
            new CSharpParseOptions(LanguageVersion.Latest), "/GlobalUsings.g.cs");
        var references = UsesTheEngine(relativePath)
            ? References.Add(MetadataReference.CreateFromFile(typeof(MemKata.Engine.Libc.GlibcMalloc).Assembly.Location))
            : References;
        var compilation = CSharpCompilation.Create("MemKata.Submission", [usings, learner], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: optimization, allowUnsafe: allowUnsafe, deterministic: true));
        return (compilation, learner);
    }

    /// <summary>True for the engine's reference kernel components: until they depend on MemKata.Contracts alone (issue 13,
    /// one reference copy each), they may call the engine's own helpers (<c>OomKiller.Badness</c>), and nothing else the
    /// allowlist does not allow.</summary>
    public static bool UsesTheEngine(string relativePath) => relativePath.StartsWith("src/MemKata.Engine/", StringComparison.Ordinal);

    private static IEnumerable<string> SampleFolders() =>
        Directory.GetDirectories(Path.Combine(Repository.Root, "tests", "testdata", "submissions"))
            .SelectMany(Directory.GetDirectories);

    private static string? Outcome(string folder)
    {
        var expected = Path.Combine(folder, "expected.json");
        if (!File.Exists(expected))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(expected));
        return json.RootElement.TryGetProperty("outcome", out var outcome) ? outcome.GetString() : null;
    }

    private static string Relative(string path) => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
}
