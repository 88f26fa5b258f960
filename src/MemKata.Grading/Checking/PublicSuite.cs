using MemKata.Grading.Layout;
using MemKata.Grading.Steps;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Checking;

/// <summary>
/// What <c>memkata check</c> compiles beside the learner's files: the exercise's public tests, the sources that
/// <c>dotnet test exercises/&lt;slug&gt;</c> compiles besides the learner's own (every <c>*.cs</c> of the exercise folder
/// but the <c>files.solution</c> files, <c>.meta/</c>, <c>bin/</c> and <c>obj/</c>), named by their path in the exercise
/// folder. They are read on each run (a learner may edit them), and compiled as a suite against the learner's image
/// with grading's compile setup (<see cref="HiddenSuite"/>: the same global usings, the analyzers on), but seeing the
/// learner's assembly in their global namespace, as the one project of <c>dotnet test</c> does
/// (<see cref="CompileSetup.PublicTests"/>). The hidden suite never enters such a session.
/// </summary>
internal static class PublicSuite
{
    /// <summary>The public tests' assembly name for <paramref name="slug"/>: <c>MemKata.PublicTests.FaultHandler</c>.</summary>
    public static string AssemblyName(string slug) =>
        "MemKata.PublicTests." + HiddenSuite.AssemblyName(slug)["MemKata.Graders.".Length..];

    /// <summary>The public test sources of <paramref name="exercise"/>, in ordinal order of their path.</summary>
    public static IReadOnlyList<SourceFile> Sources(ExerciseLayout exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var folder = exercise.ExerciseDirectory;
        return
        [
            .. Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Select(path => (Full: path, Relative: Path.GetRelativePath(folder, path).Replace('\\', '/')))
                .Where(file => IsTestSource(exercise, file.Relative) && !ExerciseLayout.IsBuildOutput(folder, file.Full))
                .OrderBy(file => file.Relative, StringComparer.Ordinal)
                .Select(file => new SourceFile(file.Relative, File.ReadAllText(file.Full))),
        ];
    }

    /// <summary>True when <paramref name="relativePath"/> (under the exercise folder, <c>/</c>-separated) names a C#
    /// file that is not one of the learner's solution files nor under <c>.meta/</c> (build output is checked apart,
    /// <see cref="ExerciseLayout.IsBuildOutput"/>).</summary>
    public static bool IsTestSource(ExerciseLayout exercise, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(relativePath);
        return relativePath.EndsWith(".cs", StringComparison.Ordinal)
            && !relativePath.StartsWith("../", StringComparison.Ordinal)
            && !relativePath.StartsWith(".meta/", StringComparison.Ordinal)
            && !exercise.Config.Files.Solution.Any(file => file.Replace('\\', '/') == relativePath);
    }

    /// <summary>The exercise's data files, which its public tests read beside their own source file (the allocator's
    /// <c>traces/*.rep</c>): every file in a folder of the exercise but <c>.meta/</c>, <c>.docs/</c>, <c>bin/</c> and
    /// <c>obj/</c>, and not a source or project file; paths relative to the exercise folder, <c>/</c>-separated, in
    /// ordinal order. A check run copies them into its job folder, the test worker's current folder.</summary>
    public static IReadOnlyList<string> DataFiles(ExerciseLayout exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var folder = exercise.ExerciseDirectory;
        return
        [
            .. Directory.EnumerateDirectories(folder)
                .Where(sub => Path.GetFileName(sub) is not (".meta" or ".docs" or "bin" or "obj"))
                .SelectMany(sub => Directory.EnumerateFiles(sub, "*", SearchOption.AllDirectories))
                .Where(path => !ExerciseLayout.IsBuildOutput(folder, path)
                    && Path.GetExtension(path) is not (".cs" or ".csproj"))
                .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>The compile setup of a check session of <paramref name="exercise"/> with the public tests
    /// <paramref name="tests"/>: the learner's files analyzed as grading analyzes them, the tests as the suite.</summary>
    public static CompileSetup Setup(ExerciseLayout exercise, IReadOnlyList<SourceFile> tests) =>
        HiddenSuite.Setup(exercise, runAnalyzers: true, withSuite: false) with
        {
            SuiteAssemblyName = AssemblyName(exercise.Slug),
            SuiteSources = tests,
            PublicTests = true,
        };
}
