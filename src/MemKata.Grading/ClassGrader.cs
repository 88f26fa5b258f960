using MemKata.Grading.Class;
using MemKata.Grading.Model;

namespace MemKata.Grading;

/// <summary>Grades a whole class: every folder in a submissions folder with one <see cref="Grader"/>, one or several
/// at a time, never stopping at a broken submission (it gets its report and a row like any other). Each grading has its
/// own temp folder and child processes, and test time limits count CPU time, so grading side by side is safe.</summary>
public static class ClassGrader
{
    /// <summary>The submission folders of <paramref name="submissionsDirectory"/>, by name; throws
    /// <see cref="GradingInputException"/> when the folder does not exist or holds none.</summary>
    public static IReadOnlyList<string> Submissions(string submissionsDirectory)
    {
        if (!Directory.Exists(submissionsDirectory))
        {
            throw new GradingInputException($"no submissions folder {Path.GetFullPath(submissionsDirectory)}: give a folder with one subfolder per learner.");
        }

        var folders = Directory.GetDirectories(submissionsDirectory)
            .Where(path => !Path.GetFileName(path).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return folders.Count > 0
            ? folders
            : throw new GradingInputException($"{Path.GetFullPath(submissionsDirectory)} holds no submission folders: expected one subfolder per learner.");
    }

    /// <summary>Grades every folder of <paramref name="submissions"/>, <paramref name="parallelism"/> at a time, calling
    /// <paramref name="graded"/> after each (never two calls at once). Reports come back in the order of
    /// <paramref name="submissions"/>. With a <paramref name="cache"/>, a submission whose content (and grader) is
    /// unchanged gets its remembered report without grading, and every new report is remembered.</summary>
    public static IReadOnlyList<GradeReport> GradeAll(
        Grader grader, IReadOnlyList<string> submissions, Action<GradeReport>? graded = null, int parallelism = 1, GradeCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(grader);
        ArgumentNullException.ThrowIfNull(submissions);
        var reports = new GradeReport[submissions.Count];
        var gate = new Lock();
        Parallel.For(0, submissions.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            var report = Grade(grader, submissions[i], cache);
            reports[i] = report;
            lock (gate)
            {
                graded?.Invoke(report);
            }
        });
        return reports;
    }

    private static GradeReport Grade(Grader grader, string folder, GradeCache? cache)
    {
        if (cache is null)
        {
            return grader.Grade(folder);
        }

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        var hash = GradeCache.ContentHash(grader.Exercise.Config, folder);
        if (cache.Find(name, hash) is { } kept)
        {
            return kept;
        }

        var report = grader.Grade(folder);
        if (report.Outcome != GradeOutcome.GraderError)
        {
            cache.Remember(name, hash, report);
        }

        return report;
    }
}
