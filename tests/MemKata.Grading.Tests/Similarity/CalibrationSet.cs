using System.Text.Json;
using MemKata.Grading.Layout;
using MemKata.Grading.Similarity;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Similarity;

/// <summary>testdata/similarity/calibration.json read: each case with its sources, and the copies of its exercise's
/// reference it is compared with (docs/GRADING.md, "Similarity").</summary>
public static class CalibrationSet
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static string Folder => Path.Combine(TestData.Root, "similarity");

    public static IReadOnlyList<Case> Cases => Data.Cases;

    /// <summary>The sources of the submission folder <paramref name="folder"/> (repository-relative) of exercise
    /// <paramref name="slug"/>: its files.solution files.</summary>
    public static IReadOnlyList<SimilaritySource> Submission(string slug, string folder)
    {
        var exercise = Exercise(slug);
        return [.. exercise.Config.Files.Solution.Select(file =>
            new SimilaritySource(file, File.ReadAllText(Path.Combine(TestData.RealRepository, folder, file))))];
    }

    /// <summary>The exercise's stub: its files.solution files as shipped.</summary>
    public static IReadOnlyList<SimilaritySource> Stub(string slug) =>
        Submission(slug, Path.GetRelativePath(TestData.RealRepository, Exercise(slug).ExerciseDirectory));

    /// <summary>The named copy of the exercise's reference: <c>example</c> (files.example) or <c>engine</c> (the engine's
    /// reference component, found by its file name under src/MemKata.Engine wherever it lives).</summary>
    public static IReadOnlyList<SimilaritySource> Reference(string slug, string copy)
    {
        var exercise = Exercise(slug);
        if (copy == "example")
        {
            return SimilaritySource.Read((exercise.Config.Files.Example ?? []).Select(f => Path.Combine(exercise.ExerciseDirectory, f)));
        }

        var name = EngineReference(slug) ?? throw new InvalidOperationException($"calibration.json names no engine reference for {slug}");
        var found = Directory.GetFiles(Path.Combine(TestData.RealRepository, "src", "MemKata.Engine"), name, SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        return found.Count == 1 ? SimilaritySource.Read(found) : throw new InvalidOperationException($"{found.Count} files named {name} under src/MemKata.Engine");
    }

    public static ExerciseLayout Exercise(string slug) => ExerciseLayout.Load(TestData.RealRepository, slug);

    private static string? EngineReference(string slug) => Data.EngineReference.GetValueOrDefault(slug);

    private static Manifest Data { get; } =
        JsonSerializer.Deserialize<Manifest>(File.ReadAllText(Path.Combine(Folder, "calibration.json")), _json)!;

    public sealed record Manifest(Dictionary<string, string> EngineReference, List<Case> Cases);

    /// <summary>One calibration case.</summary>
    public sealed record Case(string Exercise, string Submission, string Kind, IReadOnlyList<string> Against, bool Flagged)
    {
        public string Name => $"{Exercise}/{Path.GetFileName(Submission)}";

        public override string ToString() => $"{Kind} {Name}";
    }
}
