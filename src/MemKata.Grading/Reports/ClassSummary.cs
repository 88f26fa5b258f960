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
    private const int Bands = 10;

    /// <summary>Writes the summary of <paramref name="reports"/> (exercise <paramref name="slug"/>);
    /// <paramref name="noSubmission"/> counts the roster's learners without a folder (they score 0 in the CSV and are
    /// counted here as 0 too).</summary>
    public static void Write(string slug, IReadOnlyList<GradeReport> reports, TextWriter writer, int noSubmission = 0)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(writer);
        var max = reports.Count > 0 ? reports[0].MaxScore : 0;
        var scores = reports.Select(r => r.Score).Concat(Enumerable.Repeat(0.0, noSubmission)).ToList();
        var outcomes = string.Join(", ", reports.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Word(g.Key)}"));
        writer.Write($"{slug}: {scores.Count} learners ({outcomes}{(noSubmission > 0 ? $", {noSubmission} without a submission" : "")})\n");
        if (scores.Count == 0)
        {
            return;
        }

        writer.Write($"score (of {Feedback.Points(max)}): mean {Two(scores.Average())}, median {Two(Median(scores))}, " +
            $"lowest {Feedback.Points(scores.Min())}, highest {Feedback.Points(scores.Max())}\n\n");
        writer.Write("distribution\n");
        var counts = new int[Bands];
        foreach (var score in scores)
        {
            counts[Band(score, max)]++;
        }

        for (var band = 0; band < Bands; band++)
        {
            var from = max * band / Bands;
            var to = max * (band + 1) / Bands;
            var label = band == Bands - 1 ? $"{Feedback.Points(from)}-{Feedback.Points(to)}" : $"{Feedback.Points(from)}-<{Feedback.Points(to)}";
            writer.Write($"  {label,-12} {new string('#', counts[band]),-20} {counts[band]}\n");
        }

        writer.Write($"\n{"per task",-54}   mean  median  full marks  not started\n");
        var rows = reports.SelectMany(r => r.Snapshots is { } s ? [.. r.Tasks, s with { Title = "snapshot checks" }] : r.Tasks)
            .GroupBy(t => (t.Number, t.Title))
            .ToList();
        foreach (var task in rows)
        {
            var points = task.Select(t => t.Points).Concat(Enumerable.Repeat(0.0, noSubmission)).ToList();
            var first = task.First();
            var name = $"task {first.Number}: {first.Title ?? "untitled"} (of {Feedback.Points(first.MaxPoints)})";
            var full = task.Count(t => t.Attempted && t.Passed == t.Total && t.Total > 0);
            var notStarted = task.Count(t => !t.Attempted) + noSubmission;
            writer.Write($"  {Clip(name, 54),-54} {Two(points.Average()),6}  {Two(Median(points)),6}  {full,10}  {notStarted,11}\n");
        }
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static int Band(double score, double max) =>
        max <= 0 ? Bands - 1 : Math.Clamp((int)Math.Floor(score / max * Bands), 0, Bands - 1);

    private static string Two(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 3)] + "...";

    private static string Word(GradeOutcome outcome) => outcome switch
    {
        GradeOutcome.Graded => "graded",
        GradeOutcome.CompileError => "did not compile",
        GradeOutcome.Rejected => "rejected",
        GradeOutcome.GraderError => "grader failed",
        _ => outcome.ToString(),
    };
}
