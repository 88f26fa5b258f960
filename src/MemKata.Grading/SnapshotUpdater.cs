using System.Text;
using System.Text.RegularExpressions;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Output;

namespace MemKata.Grading;

/// <summary>
/// <c>memkata snapshots update</c>, the only way snapshots change: grades the reference solution in a record job, whose
/// snapshot checks hand back what they see instead of comparing (the worker reads and writes no snapshot file), then,
/// once the worker is gone, writes each recorded snapshot into <c>graders/&lt;slug&gt;/__snapshots__</c> (atomically,
/// UTF-8 with a byte order mark, as Snapshooter wrote them) and deletes the snapshot files no check recorded. Every
/// hidden test must then pass: the report says which did not. Nothing in the environment switches recording on, and a
/// grading run never records.
/// </summary>
public static partial class SnapshotUpdater
{
    /// <summary>What an update did.</summary>
    /// <param name="Written">The snapshot files now in the folder, relative to the grader folder.</param>
    /// <param name="Removed">How many old snapshot files no check recorded any more, deleted.</param>
    /// <param name="Report">The reference's grading, run in record mode.</param>
    public sealed record Result(IReadOnlyList<string> Written, int Removed, GradeReport Report);

    /// <summary>Regenerates the snapshots of <paramref name="exercise"/>.</summary>
    public static Result Update(ExerciseLayout exercise, GradingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var work = Path.Combine(Path.GetTempPath(), "memkata-snapshots", Guid.NewGuid().ToString("N"));
        try
        {
            var reference = ReferenceSubmission.Create(exercise, Path.Combine(work, "reference"));
            using var grader = new Grader(exercise, new GradingOptions(limits ?? GradingLimits.Default, RunAnalyzers: false));
            var (report, recorded) = grader.Record(reference);
            if (report.Outcome != GradeOutcome.Graded)
            {
                return new Result([], 0, report);
            }

            var folder = exercise.SnapshotDirectory;
            var old = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.snap") : [];
            var written = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var snapshot in recorded)
            {
                if (!SnapshotName().IsMatch(snapshot.FileName))
                {
                    throw new InvalidOperationException($"a snapshot check recorded '{snapshot.FileName}', which is not a snapshot file name.");
                }

                var path = Path.Combine(folder, snapshot.FileName);
                AtomicFile.WriteBytes(path, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(snapshot.Text)]);
                written.Add(Path.GetRelativePath(exercise.GraderDirectory, path));
            }

            // A snapshot check that did not get to record (a crash) keeps its old file.
            var complete = report.Tests.Where(t => t.Kind == TestKind.Snapshot).All(t => t.Status == TestStatus.Passed);
            var stale = complete
                ? old.Where(path => !written.Contains(Path.GetRelativePath(exercise.GraderDirectory, path))).ToList()
                : [];
            foreach (var path in stale)
            {
                File.Delete(path);
            }

            return new Result([.. written], stale.Count, report);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\.snap$", RegexOptions.CultureInvariant)]
    private static partial Regex SnapshotName();
}
