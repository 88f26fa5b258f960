using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MemKata.Grading.Model;

namespace MemKata.Grading.Reports;

/// <summary>
/// Autolab's autograder output (docs.autolabproject.com, "Guide for Lab Authors"): whatever an autograder prints is the
/// learner's feedback, and its last line is the autoresult, one line of JSON: <c>{"scores": {PROBLEM: points, ...},
/// "scoreboard": [...]}</c>. The feedback is the report's summary (<see cref="Feedback.Summary"/>: the score, tasks
/// attempted, what did not pass, grouped by cause) and one line per task; the scores name one Autolab problem per task
/// (<see cref="ProblemName"/>: <c>task1</c>, <c>task2</c>..., <c>snapshots</c>), points rounded to cents, optional tasks
/// included (mark their problems optional in Autolab); the scoreboard is the grade's leaderboard columns (e.g. the
/// allocator's performance index) followed by the total. Nothing for instructors only (the similarity check) is in it.
/// </summary>
public static class AutolabReport
{
    /// <summary>The Autolab problem a task's points go to: <c>task</c> and its number, or <c>snapshots</c> for the
    /// snapshot checks. The lab's problems on the Autolab site must have exactly these names.</summary>
    public static string ProblemName(TaskScore task, bool isSnapshots = false)
    {
        ArgumentNullException.ThrowIfNull(task);
        return isSnapshots ? "snapshots" : string.Create(CultureInfo.InvariantCulture, $"task{task.Number}");
    }

    /// <summary>The columns of the autoresult's <c>scoreboard</c>, in order: the leaderboard's, then <c>Total</c>.</summary>
    public static IReadOnlyList<string> ScoreboardColumns(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. (report.Leaderboard ?? []).Select(e => e.Name), "Total"];
    }

    /// <summary>Writes the feedback, then the autoresult as the last line.</summary>
    public static void Write(GradeReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Feedback.Summary(report).Replace("\r", "", StringComparison.Ordinal));
        writer.Write("\n\n");
        var problems = report.Tasks.Select(t => (Task: t, Name: ProblemName(t)))
            .Concat(report.Snapshots is { } s ? [(s, ProblemName(s, isSnapshots: true))] : [])
            .ToList();
        foreach (var (task, name) in problems)
        {
            var title = task.Title is { Length: > 0 } t ? $" ({t})" : "";
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{name}{title}: {Feedback.Points(task.Points)} of {Feedback.Points(task.MaxPoints)} points, {task.Passed}/{task.Total} tests{(task.IsBonus ? ", optional" : "")}\n"));
        }

        var scores = new JsonObject();
        foreach (var (task, name) in problems)
        {
            scores[name] = Math.Round(task.Points, 2);
        }

        var scoreboard = new JsonArray();
        foreach (var entry in report.Leaderboard ?? [])
        {
            scoreboard.Add(Math.Round(entry.Value, 2));
        }

        scoreboard.Add(Math.Round(problems.Sum(p => p.Task.Points), 2));
        var autoresult = new JsonObject { ["scores"] = scores, ["scoreboard"] = scoreboard };
        writer.Write("\n");
        writer.Write(autoresult.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        writer.Write("\n");
    }
}
