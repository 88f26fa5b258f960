namespace MemKata.Reports.Html.Recording;

/// <summary>One task of a graded submission, as the grade report charts it.</summary>
/// <param name="Number">The task's number.</param>
/// <param name="Title">Its title, or empty.</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points it is worth.</param>
/// <param name="Passed">Hidden tests passed.</param>
/// <param name="Total">Hidden tests.</param>
/// <param name="IsBonus">An optional task (its points come on top).</param>
public sealed record TaskBar(int Number, string Title, double Points, double MaxPoints, int Passed, int Total, bool IsBonus);

/// <summary>A graded submission as the grade report draws it: the score and a bar per task. The grader's own model
/// (MemKata.Grading) is mapped to this by the command, so the report does not depend on the grading pipeline.</summary>
/// <param name="Exercise">The exercise's slug.</param>
/// <param name="Submission">The submission's name.</param>
/// <param name="Outcome">How far grading got, in words.</param>
/// <param name="Score">Points earned (bonus left out).</param>
/// <param name="MaxScore">Points available.</param>
/// <param name="Tasks">The tasks, by number (the snapshot checks may be one more row).</param>
/// <param name="Notes">Other facts for the reader (problems, notes), each a line.</param>
public sealed record GradeSummary(
    string Exercise, string Submission, string Outcome, double Score, double MaxScore, IReadOnlyList<TaskBar> Tasks, IReadOnlyList<string> Notes);
