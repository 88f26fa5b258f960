using MemKata.Grading.Reports;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Reports;

public sealed class ClassSummaryTests
{
    [Test]
    public void Mean_median_bands_and_tasks_of_a_class()
    {
        var reports = new[]
        {
            CounterExercise.Report("reference"), CounterExercise.Report("partial"), CounterExercise.Report("compile-error"),
        };
        var text = new StringWriter();

        ClassSummary.Write("counter", reports, text, noSubmission: 1);

        var lines = text.ToString().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("counter: 4 learners (2 graded, 1 did not compile, 1 without a submission)"));
            Assert.That(lines[1], Is.EqualTo("score (of 12): mean 5.00, median 4.00, lowest 0, highest 12"));
            Assert.That(lines, Has.Some.Match(@"^  0-<1\.2 +## +2$"));
            Assert.That(lines, Has.Some.Match(@"^  7\.2-<8\.4 +# +1$"));
            Assert.That(lines, Has.Some.Match(@"^  10\.8-12 +# +1$"));
            Assert.That(lines, Has.Some.Match(@"^  task 1: Count up \(of 6\) +3\.00 +3\.00 +2 +2$"));
        });
    }

    [Test]
    public void Statistics_split_each_task_into_full_marks_some_points_none_and_not_started()
    {
        var reports = new[]
        {
            CounterExercise.Report("reference"), CounterExercise.Report("partial"), CounterExercise.Report("compile-error"),
        };

        var stats = ClassStatistics.Of("counter", reports, noSubmission: 1);

        var task = stats.Tasks[0];
        Assert.Multiple(() =>
        {
            Assert.That(stats.Learners, Is.EqualTo(4));
            Assert.That(stats.Bands.Sum(b => b.Learners), Is.EqualTo(4));
            Assert.That(task.FullMarks + task.Partial + task.Nothing + task.NotStarted, Is.EqualTo(4), "each learner once");
            Assert.That(task.NotStarted, Is.EqualTo(2), "the compile error and the learner without a submission");
            Assert.That(task.Mean, Is.EqualTo(3.0));
        });
    }

    [TestCase(new[] { 3.0, 1, 2 }, 2)]
    [TestCase(new[] { 4.0, 1, 2, 3 }, 2.5)]
    [TestCase(new double[0], 0)]
    public void Median(double[] values, double median) => Assert.That(ClassSummary.Median(values), Is.EqualTo(median));
}
