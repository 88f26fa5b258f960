using MemKata.Grading.Worker.Compiling;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Worker.Tests.Support;

/// <summary>Small hidden suites and learner files compiled by the worker's own compiler, as a compile job does.</summary>
internal static class Suites
{
    public static readonly string[] LearnerUsings = ["System", "System.Collections.Generic", "System.Linq"];

    public static readonly string[] SuiteUsings = ["System", "System.Collections.Generic", "System.Linq", "NUnit.Framework"];

    /// <summary>A compiler for a suite of <paramref name="sources"/> (name, text) and the given resources; with
    /// <paramref name="publicTests"/>, the suite is an exercise's public tests (<c>memkata check</c>).</summary>
    public static SubmissionCompiler Compiler(
        string? component, IEnumerable<(string Path, string Text)> sources, IEnumerable<EmbeddedFile>? resources = null, bool publicTests = false) =>
        new(new CompileSetup(
            "MemKata.Graders.Sample",
            [.. sources.Select(s => new SourceFile(s.Path, s.Text))],
            [.. resources ?? []],
            LearnerUsings,
            SuiteUsings,
            component,
            RunAnalyzers: false,
            PublicTests: publicTests));

    /// <summary>The learner's image and the suite's, or the problems.</summary>
    public static (byte[]? Learner, byte[]? Suite, IReadOnlyList<CompileProblem> Problems) Compile(SubmissionCompiler compiler, string learnerText)
    {
        var result = CompileService.Compile(compiler, new CompileJob(1, [new SourceFile("Learner.cs", learnerText)]), runAnalyzers: false);
        return (result.LearnerImage, result.SuiteImage, result.Problems);
    }
}
