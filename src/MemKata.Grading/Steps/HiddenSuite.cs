using MemKata.Grading.Layout;
using MemKata.Grading.Worker.Protocol;
using MemKata.Testing;

namespace MemKata.Grading.Steps;

/// <summary>
/// What a compile session needs to know about an exercise, read once by the grader (the worker reads no file of the
/// repository): the hidden suite's sources (<c>graders/&lt;slug&gt;/**/*.cs</c> and <c>graders/_shared/**/*.cs</c>, named
/// by their path under the repository, never the machine's), its committed snapshots (compiled into the suite as
/// resources), the global usings of the exercise's project, and the component's name.
/// </summary>
internal static class HiddenSuite
{
    /// <summary>The hidden suite's assembly name for <paramref name="slug"/>: <c>MemKata.Graders.FaultHandler</c>.</summary>
    public static string AssemblyName(string slug) => "MemKata.Graders." + string.Concat(
        slug.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>The compile setup of <paramref name="exercise"/>; <paramref name="withSuite"/> false leaves the suite out
    /// (a learner's code compiled to be run by itself, not graded).</summary>
    public static CompileSetup Setup(ExerciseLayout exercise, bool runAnalyzers, bool withSuite = true)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var projectUsings = ProjectUsings.FromProjects(exercise.ExerciseDirectory).ToList();
        var learnerUsings = ProjectUsings.Implicit.Concat(projectUsings)
            .Where(n => !n.StartsWith("NUnit", StringComparison.Ordinal) && !n.StartsWith("MemKata.Testing", StringComparison.Ordinal));
        var suiteUsings = ProjectUsings.Implicit.Concat(projectUsings).Append("NUnit.Framework");
        return new CompileSetup(
            AssemblyName(exercise.Slug),
            withSuite ? [.. exercise.GraderSources.Select(path => new SourceFile(Relative(exercise, path), File.ReadAllText(path)))] : [],
            withSuite ? Snapshots(exercise) : [],
            [.. learnerUsings.Distinct(StringComparer.Ordinal)],
            [.. suiteUsings.Distinct(StringComparer.Ordinal)],
            exercise.Config.Component?.Type,
            runAnalyzers);
    }

    private static List<EmbeddedFile> Snapshots(ExerciseLayout exercise) =>
        Directory.Exists(exercise.SnapshotDirectory)
            ? [.. Directory.GetFiles(exercise.SnapshotDirectory, "*.snap")
                .Order(StringComparer.Ordinal)
                .Select(path => new EmbeddedFile(SnapshotChannel.ResourcePrefix + Path.GetFileName(path), File.ReadAllBytes(path)))]
            : [];

    private static string Relative(ExerciseLayout exercise, string path) =>
        Path.GetRelativePath(exercise.RepositoryRoot, path).Replace('\\', '/');
}
