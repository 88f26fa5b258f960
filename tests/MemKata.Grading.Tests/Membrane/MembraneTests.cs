using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Membrane;

/// <summary>
/// The membrane of issue 10 §2 (<c>graders/_shared/LearnerCall.cs</c> and the guarded wrappers), proven through the real
/// pipeline: <c>testdata/membrane</c> is a fake exercise whose hidden tests call fake components that throw every kind
/// of exception from Malloc, HandleFault, Reclaim and ChooseOomVictim, NUnit's own included (learner code cannot name
/// NUnit; these fakes can), each directly and inside a catch-all. The grader compiles them with the real
/// <c>graders/_shared</c>. No exception may make such a test pass or be skipped; each fails with the call and what it
/// threw.
/// </summary>
public sealed class MembraneTests
{
    private static readonly Lazy<GradeReport> _report = new(Grade);

    public static IEnumerable<TestCaseData> Calls() =>
        from test in new[] { "Malloc", "Malloc_caught", "HandleFault", "HandleFault_caught", "Reclaim", "Reclaim_caught", "ChooseOomVictim_caught" }
        from kind in new[]
        {
            "Success", "Ignore", "Inconclusive", "Assertion", "MultipleAssert", "CustomResultState", "OperationCanceled", "HeapCorruption",
            "ProcessKilled", "KeyNotFound",
        }
        select new TestCaseData(test, kind).SetArgDisplayNames(test, kind);

    [TestCaseSource(nameof(Calls))]
    public void An_undeclared_exception_fails_the_test_with_the_call_and_what_was_thrown(string test, string kind)
    {
        var ran = Ran($"{test}({kind})");
        var member = test.Replace("_caught", "", StringComparison.Ordinal);

        Assert.That(ran.Status, Is.EqualTo(TestStatus.Failed), ran.Message);
        Assert.That(ran.Message, Does.StartWith($"Task 1: your {member}(").And.Contain($" threw {kind}Exception"));
    }

    [TestCase("Malloc")]
    [TestCase("HandleFault_caught")]
    public void A_SIGSEGV_from_learner_code_fails_as_a_crash(string test)
    {
        var ran = Ran($"{test}(SegmentationFault)");

        Assert.That(ran.Status, Is.EqualTo(TestStatus.Failed), ran.Message);
        Assert.That(ran.Message, Does.Contain("crashed the process: Segmentation fault: write to 0x10: no mapping"));
    }

    [TestCase("Malloc")]
    [TestCase("Reclaim_caught")]
    public void The_stubs_NotImplementedException_still_reads_as_not_attempted(string test)
    {
        var ran = Ran($"{test}(NotImplemented)");

        Assert.That(ran.Status, Is.EqualTo(TestStatus.NotImplemented), ran.Message);
        Assert.That(ran.Message, Does.StartWith("not implemented yet: Task 1: implement it."));
    }

    [Test]
    public void An_exception_whose_Message_throws_is_described_without_it()
    {
        var ran = Ran("Malloc_caught(MessageThrows)");

        Assert.That(ran.Status, Is.EqualTo(TestStatus.Failed), ran.Message);
        Assert.That(ran.Message, Does.Contain("threw MessageThrowsException: (reading its Message threw SuccessException)"));
    }

    [Test]
    public void A_failure_caught_inside_a_multiple_assert_scope_still_fails() =>
        Assert.That(Ran("Caught_inside_a_multiple_assert_scope").Status, Is.EqualTo(TestStatus.Failed));

    [TestCase("Free_passes_a_declared_heap_corruption_on_as_a_copy")]
    [TestCase("A_call_that_returns_passes")]
    public void Declared_exceptions_and_normal_returns_pass(string test)
    {
        var ran = Ran(test);

        Assert.That(ran.Status, Is.EqualTo(TestStatus.Passed), ran.Message);
    }

    [Test]
    public void Only_the_two_controls_pass()
    {
        var report = _report.Value;

        Assert.That(report.Tests.Where(t => t.Status == TestStatus.Passed).Select(t => t.Name), Is.EquivalentTo(new[]
        {
            "Free_passes_a_declared_heap_corruption_on_as_a_copy", "A_call_that_returns_passes",
        }), string.Join('\n', report.Notes));
    }

    private static GradedTest Ran(string name)
    {
        var report = _report.Value;
        var test = report.Tests.SingleOrDefault(t => t.Name == name);
        Assert.That(test, Is.Not.Null, $"no test {name}: {string.Join(", ", report.Tests.Select(t => t.Name))}\n{string.Join('\n', report.Problems)}");
        return test!;
    }

    // A repository of its own: the fake exercise and grader, and the real graders/_shared, copied in.
    private static GradeReport Grade()
    {
        var repository = Path.Combine(Path.GetTempPath(), $"memkata-membrane-{Guid.NewGuid():N}");
        try
        {
            Copy(Path.Combine(TestData.Root, "membrane"), repository, "*");
            Copy(Path.Combine(TestData.RealRepository, "graders", ExerciseLayout.SharedGraderFolder), Path.Combine(repository, "graders", ExerciseLayout.SharedGraderFolder), "*.cs");
            var layout = ExerciseLayout.Load(repository, "membrane");
            return new Grader(layout, GradingOptions.Default).Grade(layout.ExerciseDirectory);
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }
    }

    private static void Copy(string from, string to, string pattern)
    {
        foreach (var file in Directory.GetFiles(from, pattern, SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
