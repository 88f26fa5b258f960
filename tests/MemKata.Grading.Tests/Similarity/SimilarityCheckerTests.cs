using MemKata.Grading.Similarity;

namespace MemKata.Grading.Tests.Similarity;

public sealed class SimilarityCheckerTests
{
    private const string Decompiled = "tests/MemKata.Grading.Tests/testdata/similarity/allocator/attack-decompiled";

    [Test]
    public void Same_inputs_give_the_same_bytes_from_two_checkers()
    {
        var once = Render(new SimilarityChecker(CalibrationSet.Example("allocator"), CalibrationSet.Stub("allocator")));
        var again = Render(new SimilarityChecker(CalibrationSet.Example("allocator"), CalibrationSet.Stub("allocator")));

        Assert.That(again, Is.EqualTo(once));
    }

    [Test]
    public void The_instructor_s_view_names_the_pair_and_shows_both_sides_numbered()
    {
        var checker = new SimilarityChecker(CalibrationSet.Example("allocator"), CalibrationSet.Stub("allocator"));
        var pair = checker.Check(CalibrationSet.Submission("allocator", Decompiled), "mallory");

        var text = SideBySide.Render(pair, 2);

        var lines = text.Split('\n');
        var first = pair.Regions[0];
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("mallory ~ reference: 0.").And.EndWith("FLAGGED, look at it"));
            Assert.That(text, Does.Contain($"Region 1 of {pair.Regions.Count}, {first.Tokens} tokens: mallory {first.Left} ~ reference {first.Right}"));
            Assert.That(text, Does.Contain("Region 2 of").And.Not.Contain("Region 3 of"));
            Assert.That(lines.Where(l => l.Contains(" | ", StringComparison.Ordinal)), Has.All.Length.LessThanOrEqualTo((2 * SideBySide.ColumnWidth) + 3));
            Assert.That(text, Does.Contain($"{first.Left.First,4}  "));
        });
    }

    [Test]
    public void Checking_changes_nothing_it_is_given_and_can_run_on_several_threads()
    {
        var checker = new SimilarityChecker(CalibrationSet.Example("allocator"), CalibrationSet.Stub("allocator"));
        var submission = CalibrationSet.Submission("allocator", Decompiled);
        var expected = checker.Check(submission).Summary;

        var summaries = Enumerable.Range(0, 8).AsParallel().Select(_ => checker.Check(submission).Summary).ToList();

        Assert.That(summaries, Has.All.EqualTo(expected));
    }

    private static string Render(SimilarityChecker checker) =>
        SideBySide.Render(checker.Check(CalibrationSet.Submission("allocator", Decompiled), "mallory"), 5);
}
