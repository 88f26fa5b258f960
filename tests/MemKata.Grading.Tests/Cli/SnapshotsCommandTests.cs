using MemKata.Cli;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Cli;

public sealed class SnapshotsCommandTests
{
    [Test]
    public void Update_rewrites_the_snapshots_from_the_reference()
    {
        var repo = FakeRepositoryCopy.Create();
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
}
