using MemKata.Grading.Layout;
using MemKata.Grading.Model;

namespace MemKata.Grading;

/// <summary>
/// <c>memkata snapshots update</c>: regenerates a grader's committed snapshots from the reference solution. It deletes
/// the <c>*.snap</c> files of <c>graders/&lt;slug&gt;/__snapshots__</c>, then grades the reference with
/// <c>MEMKATA_UPDATE_SNAPSHOTS=1</c> and Snapshooter's strict mode off, so each snapshot check writes its snapshot
/// afresh. Every hidden test must then pass: the report says which did not.
/// </summary>
public static class SnapshotUpdater
{
    /// <summary>What an update did.</summary>
    /// <param name="Written">The snapshot files now in the folder, relative to the grader folder.</param>
    /// <param name="Removed">How many old snapshot files were deleted first.</param>
    /// <param name="Report">The reference's grading, run in update mode.</param>
    public sealed record Result(IReadOnlyList<string> Written, int Removed, GradeReport Report);

    /// <summary>Regenerates the snapshots of <paramref name="exercise"/>.</summary>
    public static Result Update(ExerciseLayout exercise, GradingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var folder = exercise.SnapshotDirectory;
        var old = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.snap", SearchOption.AllDirectories) : [];
        foreach (var file in old)
        {
            File.Delete(file);
        }

        var mismatches = Path.Combine(folder, "__mismatch__");
        if (Directory.Exists(mismatches))
        {
            Directory.Delete(mismatches, recursive: true);
        }

        var work = Path.Combine(Path.GetTempPath(), "memkata-snapshots", Guid.NewGuid().ToString("N"));
        try
        {
            var reference = ReferenceSubmission.Create(exercise, Path.Combine(work, "reference"));
            var grader = new Grader(exercise, new GradingOptions(limits ?? GradingLimits.Default, [], UpdateSnapshots: true));
            var report = grader.Grade(reference);
            var written = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.snap", SearchOption.AllDirectories)
                    .Select(path => Path.GetRelativePath(exercise.GraderDirectory, path))
                    .Order(StringComparer.Ordinal)
                    .ToList()
                : [];
            return new Result(written, old.Length, report);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
