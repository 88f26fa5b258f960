using System.Diagnostics;
using MemKata.Grading.Publishing;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Proof;

/// <summary>Issue 5 §4: the output of <c>memkata publish</c> for this repository builds, its public tests run (and fail
/// on the stubs, as they should), and it holds no hidden file.</summary>
public sealed class PublishedRepositoryTests
{
    [Test]
    public void Published_repository_builds_runs_its_public_tests_and_holds_no_hidden_file()
    {
        var output = Path.Combine(Path.GetTempPath(), $"memkata-published-{Guid.NewGuid():N}");
        try
        {
            var result = StarterRepository.Publish(TestData.RealRepository, output);
            if (result.Exercises.Count == 0)
            {
                Assert.Ignore("no exercise to publish yet");
            }

            var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).ToList();
            Assert.That(files.Where(StarterRepository.IsForbidden), Is.Empty);
            Assert.That(files.Where(f => f.StartsWith("graders/", StringComparison.Ordinal) || f.Contains("/.meta/", StringComparison.Ordinal)), Is.Empty);

            foreach (var slug in result.Exercises)
            {
                var (exitCode, log) = DotnetTest(output, $"exercises/{slug}");

                Assert.That(log, Does.Not.Contain("Build FAILED").And.Not.Contain(": error "), log);
                Assert.That(log, Does.Match(@"Total: +[1-9]"), $"exercises/{slug}: no public test ran (exit code {exitCode})\n{log}");
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static (int ExitCode, string Log) DotnetTest(string root, string project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "test", project, "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child build at this test run's MSBuild.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var log = process.StandardOutput.ReadToEnd() + stderr.Result;
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, "dotnet test took over 5 minutes");
        return (process.ExitCode, log);
    }
}
