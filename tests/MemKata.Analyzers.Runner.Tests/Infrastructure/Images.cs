using MemKata.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MemKata.Analyzers.Runner.Tests.Infrastructure;

/// <summary>Learner images made in the test: sources compiled with Roslyn as the grader does (against .NET and
/// MemKata.Contracts), with no analyzer at all, so only the image check stands between them and a run.</summary>
internal static class Images
{
    /// <summary>Compiles <paramref name="source"/> and returns the image; fails the test if it does not compile. Unsafe
    /// code is allowed only when asked (the grader does not allow it; a test of unsafe constructs must, to get them into an
    /// image).</summary>
    public static byte[] Compile(string source, OptimizationLevel optimization = OptimizationLevel.Debug, bool allowUnsafe = false)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "/submission/Learner.cs");
        var compilation = CSharpCompilation.Create("MemKata.Submission", [tree], LearnerSources.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: optimization, allowUnsafe: allowUnsafe, deterministic: true));
        return Emit(compilation);
    }

    /// <summary>Emits a compilation, failing the test on a compile error.</summary>
    public static byte[] Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.That(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()), Is.Empty,
            "the test's source must compile");
        return image.ToArray();
    }
}
