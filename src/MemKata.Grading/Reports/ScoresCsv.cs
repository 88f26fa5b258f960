using System.Globalization;
using MemKata.Grading.Class;
using MemKata.Grading.Model;
using MemKata.Grading.Similarity;

namespace MemKata.Grading.Reports;

/// <summary>
/// A class's scores as CSV (RFC 4180), ready to upload: one row per learner with, in the header, what each column is
/// and is worth: <c>submission</c> (the folder), <c>student_id</c> and <c>email</c> (from the roster, empty without
/// one), <c>score (of 100)</c>, <c>max_score</c>, one column per task titled <c>task 1: Title (of 10)</c> (optional and
/// bonus tasks say so), <c>snapshot checks (of 20)</c>, the bonus, the outcome and tasks attempted, a short note (the
/// first compile error, or why grading failed), and for instructors the similarity check: <c>similarity</c>, the
/// highest score against the reference or any classmate (empty when not checked), and <c>flagged_with</c>, who it is
/// flagged with (<c>reference</c> or <c>engine ClassName</c>, classmates' names, <c>;</c>-separated). With a roster, its
/// learners come first in its order (one without a folder gets a row with outcome <c>NoSubmission</c> and score 0), then
/// the folders it does not list. No cell can run as a formula in a spreadsheet; written to a file, the CSV starts with a
/// UTF-8 byte order mark so that spreadsheets read its names right.
/// </summary>
public static class ScoresCsv
{
    /// <summary>The outcome of a roster's learner who has no submission folder.</summary>
    public const string NoSubmission = "NoSubmission";

    /// <summary>Writes <paramref name="reports"/>; <paramref name="taskNumbers"/> are the task columns, in order (their
    /// titles and maxima come from the reports); <paramref name="classSimilarity"/>, when given, adds the classmates to
    /// the similarity columns; <paramref name="roster"/> adds ids and emails; <paramref name="byteOrderMark"/> starts
    /// the text with U+FEFF (for a file).</summary>
    public static void Write(
        IEnumerable<GradeReport> reports,
        IReadOnlyList<int> taskNumbers,
        TextWriter writer,
        ClassSimilarityReport? classSimilarity = null,
        Roster? roster = null,
        bool byteOrderMark = false)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(taskNumbers);
        ArgumentNullException.ThrowIfNull(writer);
        var graded = reports.ToList();
        if (byteOrderMark)
        {
            writer.Write('\uFEFF');
        }

        Row(writer, Header(graded, taskNumbers));
        var byName = graded.ToDictionary(r => r.SubmissionName, StringComparer.Ordinal);
        var listed = roster?.Entries ?? [];
        foreach (var entry in listed)
        {
            Row(writer, byName.TryGetValue(entry.Folder, out var report)
                ? Cells(report, taskNumbers, classSimilarity, entry)
                : Missing(entry, graded, taskNumbers));
        }

        foreach (var report in graded.Where(r => roster?.Find(r.SubmissionName) is null))
        {
            Row(writer, Cells(report, taskNumbers, classSimilarity, null));
        }
    }

    private static List<string> Header(IReadOnlyList<GradeReport> reports, IReadOnlyList<int> taskNumbers)
    {
        var sample = reports.FirstOrDefault();
        var header = new List<string> { "submission", "student_id", "email" };
        header.Add(sample is null ? "score" : $"score (of {Feedback.Points(sample.MaxScore)})");
        header.Add("max_score");
        foreach (var number in taskNumbers)
        {
            var task = sample?.Tasks.FirstOrDefault(t => t.Number == number);
            var kind = task is null ? "" : task.IsBonus ? "bonus, " : task.IsOptional ? "optional, " : "";
            header.Add(task is null ? $"task {number}" : $"task {number}: {task.Title ?? "untitled"} ({kind}of {Feedback.Points(task.MaxPoints)})");
        }

        header.Add(sample?.Snapshots is { } snapshots ? $"snapshot checks (of {Feedback.Points(snapshots.MaxPoints)})" : "snapshot checks");
        header.AddRange(["bonus", "outcome", "tasks_attempted", "note", "similarity", "flagged_with"]);
        return header;
    }

    private static List<string> Cells(GradeReport report, IReadOnlyList<int> taskNumbers, ClassSimilarityReport? classSimilarity, RosterEntry? entry)
    {
        var cells = new List<string>
        {
            report.SubmissionName, entry?.StudentId ?? "", entry?.Email ?? "", Feedback.Points(report.Score), Feedback.Points(report.MaxScore),
        };
        cells.AddRange(taskNumbers.Select(n => report.Tasks.FirstOrDefault(t => t.Number == n) is { } task ? Feedback.Points(task.Points) : ""));
        cells.Add(report.Snapshots is { } snapshots ? Feedback.Points(snapshots.Points) : "");
        cells.Add(Feedback.Points(report.Bonus));
        cells.Add(report.Outcome.ToString());
        cells.Add(report.Outcome == GradeOutcome.Graded ? report.TasksAttempted.ToString(CultureInfo.InvariantCulture) : "");
        cells.Add(report.Problems.FirstOrDefault(p => p.IsError)?.ToString() ?? (report.Outcome == GradeOutcome.Graded ? "" : report.Notes.FirstOrDefault() ?? ""));
        cells.AddRange(Similarity(report, classSimilarity));
        return cells;
    }

    private static List<string> Missing(RosterEntry entry, IReadOnlyList<GradeReport> reports, IReadOnlyList<int> taskNumbers)
    {
        var max = reports.FirstOrDefault()?.MaxScore ?? 0;
        var cells = new List<string> { entry.Folder, entry.StudentId, entry.Email, "0", Feedback.Points(max) };
        cells.AddRange(taskNumbers.Select(_ => "0"));
        cells.AddRange([reports.FirstOrDefault()?.Snapshots is null ? "" : "0", "0", NoSubmission, "", "no submission folder with this name", "", ""]);
        return cells;
    }

    private static void Row(TextWriter writer, IEnumerable<string> cells)
    {
        writer.Write(string.Join(',', cells.Select(Quote)));
        writer.Write('\n');
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
