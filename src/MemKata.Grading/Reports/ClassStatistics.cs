using MemKata.Grading.Model;

namespace MemKata.Grading.Reports;

/// <summary>
/// A class at a glance, computed once from the grade reports (the text summary and the HTML chart both show it):
/// learners and outcomes, the score's mean, median, lowest and highest, ten bands of a tenth of the maximum each, and
/// per task (snapshot checks included) how the class did. Learners on the roster without a submission count as 0.
/// </summary>
/// <param name="Slug">The exercise.</param>
/// <param name="Outcomes">How many reports ended each way, in <see cref="GradeOutcome"/> order.</param>
/// <param name="NoSubmission">Learners on the roster without a folder.</param>
/// <param name="MaxScore">The maximum score.</param>
/// <param name="Scores">Every learner's score.</param>
/// <param name="Bands">The scores in ten bands of a tenth of the maximum.</param>
/// <param name="Tasks">Each task, by its first appearance in the reports (task order), snapshot checks last.</param>
public sealed record ClassStatistics(
    string Slug,
    IReadOnlyList<(GradeOutcome Outcome, int Count)> Outcomes,
    int NoSubmission,
    double MaxScore,
    IReadOnlyList<double> Scores,
    IReadOnlyList<ScoreBand> Bands,
    IReadOnlyList<TaskStatistics> Tasks)
{
    /// <summary>The bands a class's scores fall in.</summary>
    public const int BandCount = 10;

    /// <summary>Learners counted: reports and learners without a submission.</summary>
    public int Learners => Scores.Count;

    /// <summary>The mean score.</summary>
    public double Mean => Scores.Count == 0 ? 0 : Scores.Average();

    /// <summary>The median score.</summary>
    public double MedianScore => Median(Scores);

    /// <summary>The statistics of <paramref name="reports"/> (exercise <paramref name="slug"/>);
    /// <paramref name="noSubmission"/> counts the roster's learners without a folder.</summary>
    public static ClassStatistics Of(string slug, IReadOnlyList<GradeReport> reports, int noSubmission = 0)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var max = reports.Count > 0 ? reports[0].MaxScore : 0;
        var scores = reports.Select(r => r.Score).Concat(Enumerable.Repeat(0.0, noSubmission)).ToList();
        var outcomes = reports.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        var counts = new int[BandCount];
        foreach (var score in scores)
        {
            counts[Band(score, max)]++;
        }

        var bands = counts.Select((n, band) => new ScoreBand(max * band / BandCount, max * (band + 1) / BandCount, n)).ToList();
        var tasks = reports.SelectMany(r => r.Snapshots is { } s ? [.. r.Tasks, s with { Title = "snapshot checks" }] : r.Tasks)
            .GroupBy(t => (t.Number, t.Title))
            .Select(task =>
            {
                var first = task.First();
                return new TaskStatistics(first.Number, first.Title, first.MaxPoints,
                    [.. task.Select(t => t.Points).Concat(Enumerable.Repeat(0.0, noSubmission))],
                    task.Count(t => t.Attempted && t.Passed == t.Total && t.Total > 0),
                    task.Count(t => t.Attempted && t.Points > 0 && !(t.Passed == t.Total && t.Total > 0)),
                    task.Count(t => t.Attempted && t.Points <= 0 && !(t.Passed == t.Total && t.Total > 0)),
                    task.Count(t => !t.Attempted) + noSubmission);
            })
            .ToList();
        return new ClassStatistics(slug, outcomes, noSubmission, max, scores, bands, tasks);
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
        max <= 0 ? BandCount - 1 : Math.Clamp((int)Math.Floor(score / max * BandCount), 0, BandCount - 1);
}
