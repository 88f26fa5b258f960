using System.Globalization;
using MemKata.Grading.Model;

namespace MemKata.Grading.Reports;

/// <summary>
/// A class at a glance, as text (<c>scores-summary.txt</c> beside the CSV): how many submissions and how each ended, the
/// score's mean, median, lowest and highest, the scores in ten bands of a tenth of the maximum each (a bar of <c>#</c>
/// per submission), and per task (snapshot checks included) the mean and median points, how many got full marks and
/// how many did not start it. Plain ASCII, byte-identical for the same reports.
/// </summary>
public static class ClassSummary
{
    /// <summary>Writes the summary of <paramref name="reports"/> (exercise <paramref name="slug"/>);
    /// <paramref name="noSubmission"/> counts the roster's learners without a folder (they score 0 in the CSV and are
    /// counted here as 0 too).</summary>
    public static void Write(string slug, IReadOnlyList<GradeReport> reports, TextWriter writer, int noSubmission = 0) =>
        Write(ClassStatistics.Of(slug, reports, noSubmission), writer);

    /// <summary>Writes the summary of <paramref name="stats"/>.</summary>
    public static void Write(ClassStatistics stats, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(writer);
        var scores = stats.Scores;
        var max = stats.MaxScore;
        var outcomes = string.Join(", ", stats.Outcomes.Select(o => $"{o.Count} {Word(o.Outcome)}"));
        writer.Write($"{stats.Slug}: {scores.Count} learners ({outcomes}{(stats.NoSubmission > 0 ? $", {stats.NoSubmission} without a submission" : "")})\n");
        if (scores.Count == 0)
        {
            return;
        }

        writer.Write($"score (of {Feedback.Points(max)}): mean {Two(stats.Mean)}, median {Two(stats.MedianScore)}, " +
            $"lowest {Feedback.Points(scores.Min())}, highest {Feedback.Points(scores.Max())}\n\n");
        writer.Write("distribution\n");
        for (var band = 0; band < stats.Bands.Count; band++)
        {
            var (from, to, learners) = stats.Bands[band];
            var label = band == stats.Bands.Count - 1 ? $"{Feedback.Points(from)}-{Feedback.Points(to)}" : $"{Feedback.Points(from)}-<{Feedback.Points(to)}";
            writer.Write($"  {label,-12} {new string('#', learners),-20} {learners}\n");
        }

        writer.Write($"\n{"per task",-54}   mean  median  full marks  not started\n");
        foreach (var task in stats.Tasks)
        {
            var name = $"task {task.Number}: {task.Title ?? "untitled"} (of {Feedback.Points(task.MaxPoints)})";
            writer.Write($"  {Clip(name, 54),-54} {Two(task.Mean),6}  {Two(task.Median),6}  {task.FullMarks,10}  {task.NotStarted,11}\n");
        }
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyList<double> values) => ClassStatistics.Median(values);

    /// <summary>What an outcome is called in the summaries.</summary>
    public static string Word(GradeOutcome outcome) => outcome switch
    {
        GradeOutcome.Graded => "graded",
        GradeOutcome.CompileError => "did not compile",
        GradeOutcome.Rejected => "rejected",
        GradeOutcome.GraderError => "grader failed",
        _ => outcome.ToString(),
    };

    private static string Two(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 3)] + "...";
}
