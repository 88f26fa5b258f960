using MemKata.Grading.Model;
using MemKata.Grading.Reports;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Reports;

public sealed class FailureGroupsTests
{
    [Test]
    public void Failures_with_the_same_cause_are_one_group_named_by_its_count()
    {
        var groups = FailureGroups.Of(HandMadeReport.RepeatedCause(93));

        Assert.Multiple(() =>
        {
            Assert.That(groups, Has.Count.EqualTo(2));
            Assert.That(groups[0].Tests, Has.Count.EqualTo(93));
            Assert.That(groups[0].Headline, Is.EqualTo("93 tests: malloc(0): the size word at p - 8 says the chunk has 0 bytes"));
            Assert.That(groups[1].Headline, Is.EqualTo("Task 2 · Other: free(0x10) must munmap(0x0, 4096)"));
        });
    }

    [TestCase("malloc(64): the size word says 0 bytes", "realloc(0x0, 1240): the size word says 16 bytes")]
    [TestCase("after free(0x1f0) the heap holds 4096 free bytes", "after free(0x20) the heap holds 131072 free bytes")]
    public void Calls_and_numbers_do_not_split_a_cause(string one, string other) =>
        Assert.That(FailureGroups.Key(one), Is.EqualTo(FailureGroups.Key(other)));

    [Test]
    public void Different_words_are_different_causes() =>
        Assert.That(FailureGroups.Key("free must munmap"), Is.Not.EqualTo(FailureGroups.Key("free must not munmap")));

    [Test]
    public void A_crash_and_a_failure_with_the_same_words_stay_apart()
    {
        var groups = FailureGroups.Group([
            HandMadeReport.Test("A", 1, TestStatus.Failed, 1, "timeout"),
            HandMadeReport.Test("B", 1, TestStatus.Crashed, 1, "timeout"),
        ]);

        Assert.That(groups, Has.Count.EqualTo(2));
    }

    [Test]
    public void The_summary_lists_each_cause_once()
    {
        var summary = Feedback.Summary(HandMadeReport.RepeatedCause(93));

        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.Contain("  93 tests: malloc(0): the size word at p - 8"));
            Assert.That(summary.Split('\n').Count(l => l.Contains("size word", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }
}
