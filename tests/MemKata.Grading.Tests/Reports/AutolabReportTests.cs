using System.Text.Json;
using MemKata.Grading.Model;
using MemKata.Grading.Reports;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Reports;

[Parallelizable(ParallelScope.Children)]
public sealed class AutolabReportTests
{
    [Test]
    public void Feedback_comes_first_and_the_last_line_is_the_autoresult_with_a_score_per_task()
    {
        var report = CounterExercise.Report("partial");
        var text = new StringWriter();

        AutolabReport.Write(report, text);

        var lines = text.ToString().TrimEnd('\n').Split('\n');
        using var autoresult = JsonDocument.Parse(lines[^1]);
        var scores = autoresult.RootElement.GetProperty("scores").EnumerateObject().ToList();
        var scoreboard = autoresult.RootElement.GetProperty("scoreboard").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("counter: "), "the summary, as the learner reads it");
            Assert.That(lines[^1], Does.Not.Contain("\n").And.StartWith("{\"scores\":{"), "one line of JSON");
            Assert.That(scores.Select(s => s.Name), Is.EqualTo(report.Tasks.Select(t => $"task{t.Number}").Concat(report.Snapshots is null ? [] : ["snapshots"])));
            Assert.That(scores.Sum(s => s.Value.GetDouble()), Is.EqualTo(8).Within(0.005), "the score, bonus included");
            Assert.That(scoreboard, Is.EqualTo(new[] { 8.0 }), "the total, after the leaderboard's columns (none here)");
            Assert.That(text.ToString(), Does.Not.Contain("Similarity"));
        });
    }

    [Test]
    public void The_scoreboard_carries_the_leaderboard_then_the_total()
    {
        var report = CounterExercise.Report("reference") with { Leaderboard = [new LeaderboardEntry("Performance index", 87.456)] };
        var text = new StringWriter();

        AutolabReport.Write(report, text);

        using var autoresult = JsonDocument.Parse(text.ToString().TrimEnd('\n').Split('\n')[^1]);
        Assert.Multiple(() =>
        {
            Assert.That(autoresult.RootElement.GetProperty("scoreboard").EnumerateArray().Select(e => e.GetDouble()), Is.EqualTo(new[] { 87.46, 12.0 }));
            Assert.That(AutolabReport.ScoreboardColumns(report), Is.EqualTo(new[] { "Performance index", "Total" }));
        });
    }
}
