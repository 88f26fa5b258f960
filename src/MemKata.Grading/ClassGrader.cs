using MemKata.Grading.Model;

namespace MemKata.Grading;

/// <summary>Grades a whole class: every folder in a submissions folder, one after the other with one
/// <see cref="Grader"/>, never stopping at a broken submission (it gets its report and a row like any other).</summary>
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

    /// <summary>Grades every folder of <paramref name="submissions"/>, calling <paramref name="graded"/> after each.</summary>
    public static IReadOnlyList<GradeReport> GradeAll(Grader grader, IReadOnlyList<string> submissions, Action<GradeReport>? graded = null)
    {
        ArgumentNullException.ThrowIfNull(grader);
        ArgumentNullException.ThrowIfNull(submissions);
        var reports = new List<GradeReport>();
        foreach (var folder in submissions)
        {
            var report = grader.Grade(folder);
            reports.Add(report);
            graded?.Invoke(report);
        }

        return reports;
    }
}
