using MemKata.Grading.Checking;
using MemKata.Grading.Layout;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Checking;

/// <summary>What <c>memkata check</c> takes from an exercise folder besides the learner's files (what <c>dotnet test</c>
/// compiles and what the tests read), and which saves start a run in <c>--watch</c>. Read from the real allocator
/// exercise; no worker starts.</summary>
public class PublicSuiteTests
{
    private static ExerciseLayout Allocator => ExerciseLayout.Load(TestData.RealRepository, "allocator");

    [Test]
    public void The_public_tests_are_the_exercises_other_sources_not_the_learners_file_nor_the_reference()
    {
        var sources = PublicSuite.Sources(Allocator).Select(s => s.Path).ToList();

        Assert.That(sources, Is.EqualTo(new[] { "AllocatorTests.cs" }));
    }

    [Test]
    public void The_data_files_are_the_traces_the_public_tests_read_beside_their_source()
    {
        var data = PublicSuite.DataFiles(Allocator);

        var traces = Directory.GetFiles(Path.Combine(Allocator.ExerciseDirectory, "traces"))
            .Select(path => "traces/" + Path.GetFileName(path)).Order(StringComparer.Ordinal);
        Assert.That(data, Is.EqualTo(traces));
    }

    [TestCase("submission/Allocator.cs", true)]
    [TestCase("exercise/AllocatorTests.cs", true)]
    [TestCase("exercise/Allocator.cs", false)]
    [TestCase("exercise/.meta/Example.cs", false)]
    [TestCase("exercise/obj/Debug/net10.0/Allocator.AssemblyInfo.cs", false)]
    [TestCase("exercise/traces/binary.rep", false)]
    [TestCase("submission/Notes.cs", false)]
    public void A_save_starts_a_run_when_it_changes_what_is_checked(string path, bool watched)
    {
        var submission = Path.Combine(Path.GetTempPath(), "memkata-check-submission");
        using var check = new LearnerCheck(Allocator, submission);
        var full = path.StartsWith("submission/", StringComparison.Ordinal)
            ? Path.Combine(submission, path["submission/".Length..])
            : Path.Combine(Allocator.ExerciseDirectory, path["exercise/".Length..]);

        Assert.That(check.IsWatched(full), Is.EqualTo(watched));
    }
}
