using MemKata.Cli;
using MemKata.Grading.Publishing;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Cli;

public sealed class PublishCommandTests
{
    [Test]
    public void Publishes_the_exercise_without_its_reference_grader_or_snapshots()
    {
        var output = Path.Combine(Path.GetTempPath(), $"memkata-publish-{Guid.NewGuid():N}");
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var exitCode = CliApp.Run(["publish", "--out", output, "--repo", TestData.FakeRepository], stdout, stderr);

            var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
                .ToList();
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), stderr.ToString());
                Assert.That(files, Does.Contain("exercises/counter/Counter.cs"));
                Assert.That(files, Does.Contain("exercises/counter/.docs/instructions.md"));
                Assert.That(files, Does.Contain("MemKata.slnx"));
                Assert.That(files, Does.Contain(".github/workflows/tests.yml"));
                Assert.That(files.Where(StarterRepository.IsForbidden), Is.Empty);
                Assert.That(files.Where(f => f.StartsWith("graders/", StringComparison.Ordinal) || f.Contains("/.meta/", StringComparison.Ordinal)), Is.Empty);
                Assert.That(files.Where(f => f.Contains("_shared", StringComparison.Ordinal) || f.EndsWith("CounterMessages.cs", StringComparison.Ordinal)), Is.Empty);
                Assert.That(File.ReadAllText(Path.Combine(output, ".github/workflows/tests.yml")), Does.Contain("dotnet test exercises/counter"));
            });
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Test]
    public void Refuses_a_folder_that_is_not_empty()
    {
        var output = Path.Combine(Path.GetTempPath(), $"memkata-publish-{Guid.NewGuid():N}");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "old.txt"), "old");
        try
        {
            var stderr = new StringWriter();

            var exitCode = CliApp.Run(["publish", "--out", output, "--repo", TestData.FakeRepository], new StringWriter(), stderr);

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(ExitCodes.UsageError));
                Assert.That(stderr.ToString(), Does.Contain("is not empty"));
            });
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
