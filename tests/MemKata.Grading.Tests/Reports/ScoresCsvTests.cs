using MemKata.Grading.Reports;
using MemKata.Grading.Similarity;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Reports;

public sealed class ScoresCsvTests
{
    [Test]
    public void One_row_per_submission_with_task_columns_and_the_first_error_quoted()
    {
        var reports = new[] { CounterExercise.Report("reference"), CounterExercise.Report("partial"), CounterExercise.Report("compile-error") };
        var text = new StringWriter();

        ScoresCsv.Write(reports, [1, 2], text);

        var lines = text.ToString().TrimEnd('\n').Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("submission,student_id,email,score (of 12),max_score,task 1: Count up (of 6),task 2: Add and describe (of 4),snapshot checks (of 2),bonus,outcome,tasks_attempted,note,similarity,flagged_with"));
            Assert.That(lines[1], Does.StartWith("reference,,,12,12,6,4,2,0,Graded,2,,"));
            Assert.That(lines[2], Does.StartWith("partial,,,8,12,6,2,0,0,Graded,2,,"));
            Assert.That(lines[3], Does.StartWith("compile-error,,,0,12,0,0,0,0,CompileError,,Counter.cs:7:41: error CS0103"));
        });
    }

    [TestCase("=1+1", "'=1+1")]
    [TestCase("@SUM(1)", "'@SUM(1)")]
    [TestCase("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [TestCase("-2+3", "'-2+3")]
    [TestCase("\tx", "'\tx")]
    [TestCase("alice", "alice")]
    [TestCase("a=b", "a=b")]
    public void A_formula_like_cell_is_written_as_text(string name, string cell)
    {
        var report = CounterExercise.Report("reference") with { SubmissionName = name };
        var text = new StringWriter();

        ScoresCsv.Write([report], [1, 2], text);

        Assert.That(text.ToString().Split('\n')[1], Does.StartWith(cell + ","));
    }

    [Test]
    public void A_negative_number_stays_a_number()
    {
        var report = CounterExercise.Report("reference") with { SubmissionName = "-1.5" };
        var text = new StringWriter();

        ScoresCsv.Write([report], [1, 2], text);

        Assert.That(text.ToString().Split('\n')[1], Does.StartWith("-1.5,"));
    }

    [Test]
    public void The_similarity_columns_hold_the_highest_score_and_who_the_submission_is_flagged_with()
    {
        var reference = CounterExercise.Report("reference");
        var flagged = reference with
        {
            SubmissionName = "alice",
            Similarity = new PairSimilarity("alice", "reference", 0.875, 70, 80, 80, true, 0, 0, 0, []),
        };
        var classmates = new ClassSimilarityReport(
            3, 0, 10,
            [new PairSimilarity("alice", "bob", 0.9, 72, 80, 80, true, 0, 0, 0, [])],
            new Dictionary<string, double>(StringComparer.Ordinal) { ["alice"] = 0.9, ["bob"] = 0.9, ["carol"] = 0.1 });
        var text = new StringWriter();

        ScoresCsv.Write([flagged, reference with { SubmissionName = "carol", Similarity = null }], [1, 2], text, classmates);

        var lines = text.ToString().TrimEnd('\n').Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[1], Does.EndWith(",0.90,reference; bob"));
            Assert.That(lines[2], Does.EndWith(",0.10,"));
        });
    }
}
