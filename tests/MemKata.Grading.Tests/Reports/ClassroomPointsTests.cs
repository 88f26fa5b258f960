using MemKata.Grading.Reports;

namespace MemKata.Grading.Tests.Reports;

public sealed class ClassroomPointsTests
{
    [TestCase(10, 3)]
    [TestCase(12, 11)]
    [TestCase(18, 7)]
    [TestCase(20, 4)]
    [TestCase(15, 23)]
    public void A_weight_shared_by_n_tests_sums_to_the_weight_exactly_in_doubles(int weight, int tests)
    {
        var (points, total) = ClassroomPoints.Share([.. Enumerable.Repeat((double)weight / tests, tests)]);

        Assert.Multiple(() =>
        {
            Assert.That(total, Is.EqualTo((double)weight));
            Assert.That(ClassroomPoints.Sum(points), Is.EqualTo((double)weight));
            Assert.That(points, Has.All.EqualTo((double)weight / tests).Within(0.01));
        });
    }

    [Test]
    public void The_allocators_weights_over_its_test_counts_add_up_to_100()
    {
        // The allocator's grader: weights 10, 12, 18, 15, 15, 10 and 20 for the snapshots, over 8, 11, 18, 23, 28, 10, 4 tests.
        (int Weight, int Tests)[] tasks = [(10, 8), (12, 11), (18, 18), (15, 23), (15, 28), (10, 10), (20, 4)];
        var raw = tasks.SelectMany(t => Enumerable.Repeat((double)t.Weight / t.Tests, t.Tests)).ToList();

        var (points, total) = ClassroomPoints.Share(raw);

        Assert.Multiple(() =>
        {
            Assert.That(total, Is.EqualTo(100.0));
            Assert.That(ClassroomPoints.Sum(points), Is.EqualTo(100.0));
        });
    }

    [Test]
    public void Tenths_that_do_not_add_up_in_binary_still_give_the_exact_total()
    {
        var raw = Enumerable.Repeat(0.1, 10).ToList();

        var (points, total) = ClassroomPoints.Share(raw);

        Assert.Multiple(() =>
        {
            Assert.That(ClassroomPoints.Sum(raw), Is.Not.EqualTo(1.0), "the naive sum (0.9999999999999999)");
            Assert.That(total, Is.EqualTo(1.0));
            Assert.That(ClassroomPoints.Sum(points), Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Partial_scores_round_to_cents_once()
    {
        var (points, total) = ClassroomPoints.Share([10.0 / 3, 0, 10.0 / 3, 12.0 / 11]);

        Assert.Multiple(() =>
        {
            Assert.That(total, Is.EqualTo(7.76));
            Assert.That(ClassroomPoints.Sum(points), Is.EqualTo(7.76));
            Assert.That(points[1], Is.Zero);
        });
    }
}
