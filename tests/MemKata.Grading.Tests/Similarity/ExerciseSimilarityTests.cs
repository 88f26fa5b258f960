using MemKata.Grading.Similarity;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Similarity;

// Tests run side by side (AssemblyInfo): each gets its own instance, so its own class folder.
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ExerciseSimilarityTests
{
    private string _class = "";

    [SetUp]
    public void CreateClass()
    {
        _class = Path.Combine(Path.GetTempPath(), "memkata-similarity-" + Guid.NewGuid().ToString("N"));
        Put("alice", "tests/MemKata.Grading.Tests/testdata/similarity/allocator/attack-disguised");
        Put("bob", "tests/MemKata.Grading.Tests/testdata/similarity/allocator/attack-decompiled");
        Put("carol", "tests/MemKata.Grading.Tests/testdata/similarity/allocator/honest-a");
        Directory.CreateDirectory(Path.Combine(_class, "dave"));
    }

    [TearDown]
    public void DeleteClass() => Directory.Delete(_class, recursive: true);

    [Test]
    public void The_exercise_s_reference_is_files_example_and_its_base_code_the_stub()
    {
        var checker = ExerciseSimilarity.Checker(CalibrationSet.Exercise("allocator"))!;

        var copy = checker.Check(ExerciseSimilarity.Submission(CalibrationSet.Exercise("allocator"), Path.Combine(_class, "alice"))!);
        var stub = checker.Check(ExerciseSimilarity.Stub(CalibrationSet.Exercise("allocator")));

        Assert.Multiple(() =>
        {
            Assert.That(copy.Flagged);
            Assert.That(copy.Regions[0].Right.Path, Is.EqualTo("Example.cs"));
            Assert.That(stub.LeftFingerprints, Is.Zero, "the stub is all base code");
        });
    }

    [Test]
    public void An_exercise_without_a_reference_on_disk_is_not_checked()
    {
        var exercise = CalibrationSet.Exercise("allocator");
        var withoutExample = exercise with { Config = exercise.Config with { Files = exercise.Config.Files with { Example = null } } };
        var missing = exercise with { Config = exercise.Config with { Files = exercise.Config.Files with { Example = [".meta/Gone.cs"] } } };

        Assert.Multiple(() =>
        {
            Assert.That(ExerciseSimilarity.Checker(withoutExample), Is.Null);
            Assert.That(ExerciseSimilarity.Checker(missing), Is.Null);
        });
    }

    [Test]
    public void A_class_is_compared_by_folder_name_and_a_submission_missing_its_file_takes_no_part()
    {
        var folders = ClassGrader.Submissions(_class);

        var report = ExerciseSimilarity.CompareClass(CalibrationSet.Exercise("allocator"), folders);

        Assert.Multiple(() =>
        {
            Assert.That(report.Submissions, Is.EqualTo(3));
            Assert.That(report.Flagged.Select(p => (p.Left, p.Right)), Is.EqualTo(new[] { ("alice", "bob") }));
            Assert.That(report.Highest.Keys, Is.EquivalentTo(new[] { "alice", "bob", "carol" }));
        });
    }

    [Test]
    public void The_pairs_report_says_what_was_compared_that_a_flag_is_no_verdict_and_shows_each_pair()
    {
        var report = ExerciseSimilarity.CompareClass(CalibrationSet.Exercise("allocator"), ClassGrader.Submissions(_class));
        var text = new StringWriter();

        ClassSimilarityText.Write("allocator", report, SimilarityOptions.Default, text);

        var lines = text.ToString().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("Similarity between submissions: allocator (instructors only)"));
            Assert.That(lines[1], Is.EqualTo("3 submissions, 3 pairs compared; 1 flagged (score 0.60 or more and at least 20 shared fingerprints)."));
            Assert.That(text.ToString(), Does.Contain("not a verdict"));
            Assert.That(lines, Has.One.StartsWith("alice ~ bob: "));
            Assert.That(text.ToString(), Does.Contain("Region 1 of"));
        });
    }

    private void Put(string learner, string folder)
    {
        Directory.CreateDirectory(Path.Combine(_class, learner));
        File.Copy(Path.Combine(TestData.RealRepository, folder, "Allocator.cs"), Path.Combine(_class, learner, "Allocator.cs"));
    }
}
