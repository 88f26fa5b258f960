using MemKata.Grading.Similarity;

namespace MemKata.Grading.Tests.Similarity;

public sealed class ClassSimilarityTests
{
    private const string Data = "tests/MemKata.Grading.Tests/testdata/similarity/allocator/";

    // A small class: two learners handed in disguised copies of one file (the reference), three wrote their own, one
    // handed in the stub.
    private static Dictionary<string, IReadOnlyList<SimilaritySource>> Class() => new(StringComparer.Ordinal)
    {
        ["alice"] = CalibrationSet.Submission("allocator", Data + "attack-disguised"),
        ["bob"] = CalibrationSet.Submission("allocator", Data + "attack-decompiled"),
        ["carol"] = CalibrationSet.Submission("allocator", Data + "honest-a"),
        ["dave"] = CalibrationSet.Submission("allocator", Data + "honest-b"),
        ["erin"] = CalibrationSet.Submission("allocator", "tests/testdata/submissions/allocator/one-task-done"),
        ["frank"] = CalibrationSet.Stub("allocator"),
    };

    [Test]
    public void Only_the_two_copies_are_flagged_with_their_regions()
    {
        var report = ClassSimilarity.Compare(Class(), CalibrationSet.Stub("allocator"));

        var pair = report.Flagged.Single();
        Assert.Multiple(() =>
        {
            Assert.That((pair.Left, pair.Right), Is.EqualTo(("alice", "bob")));
            Assert.That(pair.Regions, Is.Not.Empty);
            Assert.That(report.Pairs, Is.EqualTo(15));
            Assert.That(report.FlaggedWith("bob"), Is.EqualTo(new[] { "alice" }));
            Assert.That(report.FlaggedWith("carol"), Is.Empty);
            Assert.That(report.Highest["alice"], Is.EqualTo(pair.Score));
            Assert.That(report.Highest["frank"], Is.Zero);
        });
    }

    [Test]
    public void The_same_class_gives_the_same_report_in_any_order()
    {
        var forward = ClassSimilarity.Compare(Class(), CalibrationSet.Stub("allocator"));
        var backward = ClassSimilarity.Compare(Class().Reverse().ToDictionary(), CalibrationSet.Stub("allocator"));

        Assert.That(
            backward.Flagged.Select(p => SideBySide.Render(p, 10)),
            Is.EqualTo(forward.Flagged.Select(p => SideBySide.Render(p, 10))));
    }

    [Test]
    public void Code_most_of_a_large_class_shares_is_common_knowledge_not_evidence()
    {
        // Twelve learners with the same file: past the common-code limit, nothing of it is evidence between them.
        var copies = Enumerable.Range(0, 12).ToDictionary(
            i => $"learner{i:00}", _ => CalibrationSet.Submission("allocator", Data + "attack-disguised"), StringComparer.Ordinal);

        var report = ClassSimilarity.Compare(copies, CalibrationSet.Stub("allocator"));
        var kept = ClassSimilarity.Compare(copies, CalibrationSet.Stub("allocator"), SimilarityOptions.Default with { CommonShare = 1.0 });

        Assert.Multiple(() =>
        {
            Assert.That(report.Flagged, Is.Empty);
            Assert.That(report.CommonFingerprints, Is.GreaterThan(0));
            Assert.That(kept.Flagged, Has.Count.EqualTo(66));
        });
    }

    [Test]
    public void Regions_are_computed_for_the_highest_pairs_only()
    {
        var copies = Enumerable.Range(0, 5).ToDictionary(
            i => $"learner{i}", _ => CalibrationSet.Submission("allocator", Data + "attack-disguised"), StringComparer.Ordinal);

        var report = ClassSimilarity.Compare(copies, CalibrationSet.Stub("allocator"), SimilarityOptions.Default with { MaxPairsWithRegions = 3 });

        Assert.That(report.Flagged.Select(p => p.Regions.Count > 0), Is.EqualTo(new[] { true, true, true, false, false, false, false, false, false, false }));
    }
}
