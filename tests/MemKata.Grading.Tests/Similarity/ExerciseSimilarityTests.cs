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
            Assert.That(copy.Right, Is.EqualTo("reference"));
            Assert.That(copy.Regions[0].Right.Path, Is.EqualTo("Example.cs"));
            Assert.That(stub.LeftFingerprints, Is.Zero, "the stub is all base code");
        });
    }

    // The engine's components reach learners too (compiled in the published starter, which a decompiler reads back; in
    // source in the repository and in copies passed between students): a copy of them is as much a copy as one of
    // files.example. The rule: the engine's file is among the files of exactly one of the checker's references, and a
    // copy of it is flagged against that reference. The kernel exercises' files.example is the engine's file, so that
    // reference is "reference" (the same files are one reference, not two); the allocator's example (.meta/Example.cs)
    // and glibc's malloc are different files, so the engine's is a reference of its own.
    [TestCase("allocator", "GlibcMalloc_Allocate.cs", "engine GlibcMalloc")]
    [TestCase("fault-handler", "ReferencePageFaultHandler.cs", SimilarityChecker.ReferenceName)]
    [TestCase("reclaim-policy", "ReferenceReclaimPolicy.cs", SimilarityChecker.ReferenceName)]
    public void The_engine_s_implementation_of_the_component_is_a_reference_and_a_copy_of_it_is_flagged(string slug, string file, string reference)
    {
        var exercise = CalibrationSet.Exercise(slug);
        var engine = ExerciseSimilarity.EngineImplementations(exercise).Single(e => e.Paths.Any(p => Path.GetFileName(p) == file));
        var path = engine.Paths.Single(p => Path.GetFileName(p) == file);
        var references = ExerciseSimilarity.References(exercise);

        var copy = ExerciseSimilarity.Checker(exercise)!.Check(SimilaritySource.Read(engine.Paths), "copy");

        Assert.Multiple(() =>
        {
            Assert.That(references.Where(r => r.Paths.Contains(path)).Select(r => r.Name), Is.EqualTo(new[] { reference }));
            Assert.That(references[0].Name, Is.EqualTo(SimilarityChecker.ReferenceName), "files.example comes first");
            Assert.That(copy.Flagged, copy.Summary);
            Assert.That(copy.Right, Is.EqualTo(reference));
        });
    }

    [Test]
    public void A_disguised_copy_of_the_engine_s_component_is_flagged_against_it()
    {
        // files.example is the engine's ReferencePageFaultHandler.cs: the one reference, named "reference".
        var checker = ExerciseSimilarity.Checker(CalibrationSet.Exercise("fault-handler"))!;

        var result = checker.Check(CalibrationSet.Submission("fault-handler", "tests/MemKata.Grading.Tests/testdata/similarity/fault-handler/attack-engine-disguised"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Flagged, result.Summary);
            Assert.That(result.Right, Is.EqualTo(SimilarityChecker.ReferenceName));
            Assert.That(result.Regions[0].Right.Path, Is.EqualTo("ReferencePageFaultHandler.cs"));
        });
    }

    [Test]
    public void An_exercise_without_a_reference_on_disk_is_not_checked()
    {
        var exercise = CalibrationSet.Exercise("allocator");
        var noComponent = exercise.Config with { Component = null };
        var withoutExample = exercise with { Config = noComponent with { Files = exercise.Config.Files with { Example = null } } };
        var missing = exercise with { Config = noComponent with { Files = exercise.Config.Files with { Example = [".meta/Gone.cs"] } } };

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
