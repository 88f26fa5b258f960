using System.Globalization;
using MemKata.Grading.Model;
using MemKata.Grading.Similarity;

namespace MemKata.Grading.Reports;

/// <summary>A class's scores as CSV (RFC 4180): one row per submission with its total, one column per task (bonus tasks
/// included), the snapshot checks, the bonus, the outcome and tasks attempted, a short note (the first compile
/// error, or why grading failed), and for instructors the similarity check: <c>similarity</c>, the highest score against
/// the reference or any classmate (empty when not checked), and <c>flagged_with</c>, who it is flagged with
/// (<c>reference</c> or <c>engine ClassName</c>, classmates' names, <c>;</c>-separated).</summary>
public static class ScoresCsv
{
    /// <summary>Writes <paramref name="reports"/>; <paramref name="taskNumbers"/> are the task columns, in order;
    /// <paramref name="classSimilarity"/>, when given, adds the classmates to the similarity columns.</summary>
    public static void Write(
        IEnumerable<GradeReport> reports, IReadOnlyList<int> taskNumbers, TextWriter writer, ClassSimilarityReport? classSimilarity = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(taskNumbers);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("submission,score,max_score,");
        writer.Write(string.Concat(taskNumbers.Select(n => $"task_{n},")));
        writer.Write("snapshots,bonus,outcome,tasks_attempted,note,similarity,flagged_with\n");
        foreach (var report in reports)
        {
            var cells = new List<string> { report.SubmissionName, Feedback.Points(report.Score), Feedback.Points(report.MaxScore) };
            cells.AddRange(taskNumbers.Select(n => report.Tasks.FirstOrDefault(t => t.Number == n) is { } task ? Feedback.Points(task.Points) : ""));
            cells.Add(report.Snapshots is { } snapshots ? Feedback.Points(snapshots.Points) : "");
            cells.Add(Feedback.Points(report.Bonus));
            cells.Add(report.Outcome.ToString());
            cells.Add(report.Outcome == GradeOutcome.Graded ? report.TasksAttempted.ToString(CultureInfo.InvariantCulture) : "");
            cells.Add(report.Problems.FirstOrDefault(p => p.IsError)?.ToString() ?? (report.Outcome == GradeOutcome.Graded ? "" : report.Notes.FirstOrDefault() ?? ""));
            cells.AddRange(Similarity(report, classSimilarity));
            writer.Write(string.Join(',', cells.Select(Quote)));
            writer.Write('\n');
        }
    }

    private static IEnumerable<string> Similarity(GradeReport report, ClassSimilarityReport? classSimilarity)
    {
        var scores = new List<double>();
        var flagged = new List<string>();
        if (report.Similarity is { } reference)
        {
            scores.Add(reference.Score);
            if (reference.Flagged)
            {
                flagged.Add(reference.Right);
            }
        }

        if (classSimilarity?.Highest.TryGetValue(report.SubmissionName, out var highest) == true)
        {
            scores.Add(highest);
            flagged.AddRange(classSimilarity.FlaggedWith(report.SubmissionName));
        }

        yield return scores.Count == 0 ? "" : scores.Max().ToString("0.00", CultureInfo.InvariantCulture);
        yield return string.Join("; ", flagged);
    }

    private static string Quote(string cell)
    {
        var safe = Neutralize(cell);
        return safe.IndexOfAny([',', '"', '\n', '\r']) < 0 ? safe : $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    // A spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return as a formula (a folder named
    // "=1+1" or "@SUM(1)"): as OWASP's CSV-injection advice says, such a cell gets a leading single quote, which makes it
    // text. Numbers ("-1.5") are left as they are.
    private static string Neutralize(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;
}
