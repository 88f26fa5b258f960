using MemKata.Tests.Shared;

namespace MemKata.Cli.Tests.Commands;

public sealed class SnapshotsCommandTests
{
    [Test]
    public void Update_rewrites_the_snapshots_from_the_reference()
    {
        var repo = CounterRepository.Copy();
        try
        {
            var snapshot = Path.Combine(repo, "graders", "counter", "__snapshots__", "CounterGrader.DescribeMatchesTheReference.snap");
            File.WriteAllText(snapshot, "stale");
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var exitCode = CliApp.Run(["snapshots", "update", "counter", "--repo", repo], stdout, stderr);

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), stdout + stderr.ToString());
                Assert.That(File.ReadAllText(snapshot).Trim('\uFEFF', '\n'), Is.EqualTo("count=3"));
                Assert.That(stdout.ToString(), Does.Contain("The reference passes all 6 hidden tests."));
            });
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }

    [Test]
    public void Update_succeeds_when_the_reference_skips_only_a_task_worth_no_points()
    {
        var repo = CounterRepository.Copy();
        try
        {
            // An optional level the reference does not do, as the allocator's "be glibc" task: worth 0 points.
            var grader = Path.Combine(repo, "graders", "counter");
            File.WriteAllText(Path.Combine(grader, "grader.json"),
                File.ReadAllText(Path.Combine(grader, "grader.json")).Replace(
                    "{ \"number\": 2, \"weight\": 4 }", "{ \"number\": 2, \"weight\": 4 },\n    { \"number\": 3, \"weight\": 0 }", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(grader, "OptionalLevel.cs"),
                "using MemKata.Testing;\nnamespace MemKata.Graders.Counter;\npublic sealed class OptionalLevel\n{\n" +
                "    [Test]\n    [Task(3)]\n    public void CountsBackwards() => Assert.That(Subject.Create().Value, Is.EqualTo(-1));\n}\n");
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var exitCode = CliApp.Run(["snapshots", "update", "counter", "--repo", repo], stdout, stderr);

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), stdout + stderr.ToString());
                Assert.That(stdout.ToString(), Does.Contain(
                    "The reference passes all 6 hidden tests of the graded tasks; it does not do the optional task 3 (1 test(s), no snapshots)."));
                Assert.That(stderr.ToString(), Is.Empty);
            });
        }
        finally
        {
            Directory.Delete(repo, recursive: true);
        }
    }
}
