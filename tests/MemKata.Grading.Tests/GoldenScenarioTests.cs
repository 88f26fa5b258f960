using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests;

/// <summary>Each folder of tests/testdata/counter/submissions is a submission with the result it must get (expected.json):
/// compile errors, the stub, the reference, partial credit, and every way a submission can bring its test process down.
/// They run in parallel: each grading has its own temp folder and its own child processes.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class GoldenScenarioTests
{
    public static IEnumerable<TestCaseData> Scenarios() =>
        CounterExercise.SubmissionNames.Select(name => new TestCaseData(name).SetName(name));

    [TestCaseSource(nameof(Scenarios))]
    public void Submission_gets_its_expected_result(string name)
    {
        var report = CounterExercise.Report(name);

        ExpectedResult.Load(CounterExercise.Submission(name)).AssertMatches(report);
    }
}
