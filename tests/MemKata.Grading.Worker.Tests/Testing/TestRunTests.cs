using MemKata.Grading.Worker.Protocol;
using MemKata.Grading.Worker.Tests.Support;

namespace MemKata.Grading.Worker.Tests.Testing;

/// <summary>The test and record jobs, run by the worker process on a small compiled suite: a test passes only by
/// returning (NUnit's own SuccessException, Ignore and Inconclusive are failures), console output is captured per test
/// and capped, and a record job hands the snapshots back.</summary>
public sealed class TestRunTests
{
    private const string SuiteSource = """
        extern alias learner;
        using MemKata.Testing;

        public sealed class SampleTests
        {
            [Test]
            public void Returns() => Assert.That(new learner::Widget().Size, Is.EqualTo(3));

            [Test]
            public void Passes_through_Assert_Pass() => Assert.Pass("passed early");

            [Test]
            public void Passes_through_an_exception_from_learner_code()
            {
                new learner::Widget().Sneak();
            }

            [Test]
            public void Is_ignored() => Assert.Ignore("not today");

            [Test]
            public void Is_inconclusive() => Assume.That(false);

            [Test]
            public void Prints_a_lot()
            {
                new learner::Widget().Print();
            }

            [Test]
            public void Records()
            {
                if (SnapshotChannel.IsRecording)
                {
                    SnapshotChannel.Record("records.snap", "seen\n");
                }
            }
        }
        """;

    // The learner reaches NUnit's exception through reflection (what the analyzers and the image check refuse) and
    // throws it to end the test as passed.
    private const string Learner = """
        public class Widget
        {
            public int Size => 3;

            public void Sneak() => throw (System.Exception)System.Activator.CreateInstance(
                System.Type.GetType("NUnit.Framework.SuccessException, nunit.framework")!, "sneaked")!;

            public void Print() => System.Console.Write(new string('p', 100_000));
        }
        """;

    private static readonly Lazy<string> _suite = new(() =>
    {
        var compiler = Suites.Compiler("Widget", [("graders/sample/SampleTests.cs", SuiteSource)]);
        var (learner, suite, problems) = Suites.Compile(compiler, Learner);
        Assert.That(problems, Is.Empty);
        var folder = Directory.CreateTempSubdirectory("memkata-worker-tests-").FullName;
        File.WriteAllBytes(Path.Combine(folder, "MemKata.Submission.dll"), learner!);
        File.WriteAllBytes(Path.Combine(folder, "MemKata.Graders.Sample.dll"), suite!);
        return Path.Combine(folder, "MemKata.Graders.Sample.dll");
    });

    [Test]
    public void A_test_passes_only_by_returning()
    {
        var finished = Finished(WorkerJobKinds.Test);

        Assert.Multiple(() =>
        {
            Assert.That(finished["Returns"].Status, Is.EqualTo("Passed"));
            Assert.That(finished["Passes_through_Assert_Pass"].Status, Is.EqualTo("Failed:NotReturned"));
            Assert.That(finished["Passes_through_an_exception_from_learner_code"].Status, Is.EqualTo("Failed:NotReturned"));
            Assert.That(finished["Passes_through_an_exception_from_learner_code"].Message, Does.Contain("can only pass by returning"));
            Assert.That(finished["Is_ignored"].Status, Does.StartWith("Failed:Skipped"));
            Assert.That(finished["Is_inconclusive"].Status, Does.StartWith("Failed:Inconclusive"));
        });
    }

    [Test]
    public void Console_output_is_the_tests_output_capped()
    {
        var output = Finished(WorkerJobKinds.Test)["Prints_a_lot"].Output!;

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.StartWith(new string('p', 100)));
            Assert.That(output, Does.EndWith($"[... {100_000 - 8192} more characters not shown]"));
        });
    }

    [Test]
    public void Only_a_record_job_records_snapshots()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Finished(WorkerJobKinds.Test)["Records"].Snapshots, Is.Null);
            Assert.That(Finished(WorkerJobKinds.Record)["Records"].Snapshots, Is.EqualTo(new[] { new RecordedSnapshot("records.snap", "seen\n") }));
        });
    }

    private static Dictionary<string, WorkerEvent> Finished(string kind) =>
        WorkerRun.Run(new WorkerRequest(kind, "N0NCE", AssemblyPath: _suite.Value, Exclude: []))
            .Where(e => e.Kind == WorkerEventKinds.Finished)
            .ToDictionary(e => e.FullName!.Split('.')[^1]);
}
