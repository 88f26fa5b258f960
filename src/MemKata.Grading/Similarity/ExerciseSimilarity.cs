using MemKata.Grading.Layout;
using MemKata.Grading.Steps;

namespace MemKata.Grading.Similarity;

/// <summary>
/// The similarity check wired to an exercise's layout: the reference is <c>files.example</c> (wherever it points: the
/// exercise's <c>.meta/</c> or the engine's reference component), the base code is the stub (the exercise folder's
/// <c>files.solution</c> files as shipped), and a submission is the <c>files.solution</c> files of its folder, read as
/// grading reads them (<see cref="SubmissionFiles"/>). What the grading pipeline calls; nothing here changes a score.
/// </summary>
public static class ExerciseSimilarity
{
    /// <summary>The checker of <paramref name="exercise"/>, or null when the exercise has no reference (no
    /// <c>files.example</c>, or a listed file missing): then nothing is checked and reports say nothing.</summary>
    public static SimilarityChecker? Checker(ExerciseLayout exercise, SimilarityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var example = exercise.Config.Files.Example ?? [];
        var paths = example.Select(file => Path.GetFullPath(Path.Combine(exercise.ExerciseDirectory, file))).ToList();
        if (paths.Count == 0 || !paths.All(File.Exists))
        {
            return null;
        }

        return new SimilarityChecker(SimilaritySource.Read(paths), Stub(exercise), options);
    }

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
