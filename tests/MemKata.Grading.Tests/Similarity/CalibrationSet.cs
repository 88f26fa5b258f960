using System.Text.Json;
using MemKata.Grading.Layout;
using MemKata.Grading.Similarity;
using MemKata.Grading.Tests.Support;
using MemKata.Tests.Shared;

namespace MemKata.Grading.Tests.Similarity;

/// <summary>testdata/similarity/calibration.json read: each case with its sources, and the exercises' stubs and
/// references (docs/GRADING.md, "Similarity").</summary>
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
            new SimilaritySource(file, SampleSubmission.ReadSource(Path.Combine(TestData.RealRepository, folder, file))))];
    }

    /// <summary>The exercise's stub: its files.solution files as shipped.</summary>
    public static IReadOnlyList<SimilaritySource> Stub(string slug) =>
        Submission(slug, Path.GetRelativePath(TestData.RealRepository, Exercise(slug).ExerciseDirectory));

    /// <summary>The exercise's files.example.</summary>
    public static IReadOnlyList<SimilaritySource> Example(string slug)
    {
        var exercise = Exercise(slug);
        return SimilaritySource.Read((exercise.Config.Files.Example ?? []).Select(f => Path.Combine(exercise.ExerciseDirectory, f)));
    }

    public static ExerciseLayout Exercise(string slug) => ExerciseLayout.Load(TestData.RealRepository, slug);

    private static Manifest Data { get; } =
        JsonSerializer.Deserialize<Manifest>(File.ReadAllText(Path.Combine(Folder, "calibration.json")), _json)!;

    public sealed record Manifest(List<Case> Cases);

    /// <summary>One calibration case.</summary>
    public sealed record Case(string Exercise, string Submission, string Kind, bool Flagged)
    {
        public string Name => $"{Exercise}/{Path.GetFileName(Submission)}";

        public override string ToString() => $"{Kind} {Name}";
    }
}
