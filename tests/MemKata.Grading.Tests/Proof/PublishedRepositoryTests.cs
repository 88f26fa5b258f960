using System.Diagnostics;
using MemKata.Grading.Layout;
using MemKata.Grading.Publishing;
using MemKata.Grading.Tests.Support;

namespace MemKata.Grading.Tests.Proof;

/// <summary>Issue 5 §4: the output of <c>memkata publish</c> for this repository builds, its public tests run (and fail
/// on the stubs, as they should), and it holds no hidden file. Its <c>memkata</c> compares a stub with the reference,
/// as the published README says, and refuses the instructors' commands in one line.</summary>
public sealed class PublishedRepositoryTests
{
    [Test]
    public void Published_repository_builds_runs_its_public_tests_and_holds_no_hidden_file()
    {
        var output = Path.Combine(Path.GetTempPath(), $"memkata-published-{Guid.NewGuid():N}");
        try
        {
            var result = StarterRepository.Publish(TestData.RealRepository, output, AppContext.BaseDirectory);
            if (result.Exercises.Count == 0)
            {
                Assert.Ignore("no exercise to publish yet");
            }

            var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).ToList();
            Assert.That(files.Where(StarterRepository.IsForbidden), Is.Empty);
            Assert.That(files.Where(f => f.StartsWith("graders/", StringComparison.Ordinal) || f.Contains("/.meta/", StringComparison.Ordinal)), Is.Empty);

            // Issue 10 §5: no source of MemKata's own projects, so no reference component as source; no public test
            // names a reference type; the engine travels compiled.
            Assert.That(files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal) && !f.StartsWith("exercises/", StringComparison.Ordinal)), Is.Empty);
            Assert.That(files.Where(f => f.StartsWith("src/", StringComparison.Ordinal) || f.EndsWith(".pdb", StringComparison.Ordinal)), Is.Empty);
            Assert.That(files, Does.Contain("memkata/MemKata.Engine.dll").And.Contain(PrebuiltTool.EntryAssembly));
            var referenceNames = new[] { "GlibcMalloc", "ReferencePageFaultHandler", "ReferenceReclaimPolicy", "MemKata.Engine.Reference" };
            Assert.That(files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
                .Where(f => referenceNames.Any(File.ReadAllText(Path.Combine(output, f)).Contains)), Is.Empty);

            // No hidden file under another name either: no published file has the text of a reference, grader or snapshot.
            var repository = TestData.RealRepository;
            var hidden = Directory.GetDirectories(Path.Combine(repository, "exercises"), ".meta", SearchOption.AllDirectories)
                .Append(Path.Combine(repository, "graders"))
                .SelectMany(folder => Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
                .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                .Select(File.ReadAllText).Where(text => text.Length > 200).ToHashSet(StringComparer.Ordinal);
            Assert.That(hidden, Is.Not.Empty);
            Assert.That(files.Where(f => hidden.Contains(File.ReadAllText(Path.Combine(output, f)))), Is.Empty);

            var learnerConfigs = files.Where(f => f.EndsWith(LearnerExerciseConfig.FileName, StringComparison.Ordinal))
                .Select(f => File.ReadAllText(Path.Combine(output, f))).ToList();
            Assert.That(learnerConfigs, Has.Count.EqualTo(result.Exercises.Count).And.All.Not.Contain("example").And.All.Contain("\"component\""));

            foreach (var slug in result.Exercises)
            {
                var (exitCode, log, _) = Dotnet(output, "test", $"exercises/{slug}");

                Assert.That(log, Does.Not.Contain("Build FAILED").And.Not.Contain(": error "), log);
                Assert.That(log, Does.Match(@"Total: +[1-9]"), $"exercises/{slug}: no public test ran (exit code {exitCode})\n{log}");
            }

            var hintsWithoutCompare = result.Exercises.Where(slug => !File.ReadAllText(Path.Combine(output, "exercises", slug, ".docs", "hints.md"))
                .Contains("## Compare with the reference", StringComparison.Ordinal));
            Assert.That(hintsWithoutCompare, Is.Empty, "these exercises' hints do not say how to compare with the reference");

            // The README's own command, on the fault handler's stub: the run stops at the first task not done yet.
            Assert.That(File.ReadAllText(Path.Combine(output, "README.md")), Does.Contain(StarterRepository.CompareCommand("fault-handler")));
            var compare = Dotnet(output, [.. StarterRepository.CompareCommand("fault-handler").Split(' ').Skip(1), "--format", "text"]);
            Assert.Multiple(() =>
            {
                Assert.That(compare.ExitCode, Is.EqualTo(1), compare.Log + compare.Stderr);
                Assert.That(compare.Log, Does.Contain("your FaultHandler threw NotImplementedException").And.Contain("is not done yet: see .docs/instructions.md"));
                Assert.That(compare.Log + compare.Stderr, Does.Not.Match(@"\n\s+at \S+\(").And.Not.Contain("Unhandled exception"));
            });

            // The README's loop, once (without --watch), on the allocator's stub: every task is reported not done, and
            // the data the public tests read (traces/) is found in the worker.
            Assert.That(File.ReadAllText(Path.Combine(output, "README.md")), Does.Contain(StarterRepository.CheckCommand("allocator")));
            var check = Dotnet(output, [.. StarterRepository.CheckCommand("allocator").Split(' ').Skip(1).SkipLast(1)]);
            Assert.Multiple(() =>
            {
                Assert.That(check.ExitCode, Is.EqualTo(1), check.Log + check.Stderr);
                Assert.That(check.Log, Does.Contain("Task 1 Headers and alignment").And.Contain("  FAIL ").And.Contain("not implemented yet: Task 1: "));
                Assert.That(check.Log, Does.Not.Contain("InputFileException").And.Not.Contain("no such file"));
                Assert.That(check.Log + check.Stderr, Does.Not.Match(@"\n\s+at \S+\(").And.Not.Contain("Unhandled exception"));
            });

            // An instructor's command: one line saying what to run instead, exit code 2.
            var grade = Dotnet(output, PrebuiltTool.EntryAssembly, "grade", "fault-handler");
            Assert.Multiple(() =>
            {
                Assert.That(grade.ExitCode, Is.EqualTo(2), grade.Log + grade.Stderr);
                Assert.That(grade.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1).And.One.StartsWith("memkata: grade is for instructors"));
            });

            // Its help lists only what works in a starter.
            var help = Dotnet(output, PrebuiltTool.EntryAssembly, "--help");
            Assert.Multiple(() =>
            {
                Assert.That(help.ExitCode, Is.EqualTo(0), help.Log + help.Stderr);
                Assert.That(help.Log, Does.Contain("scenario").And.Contain("tour").And.Contain("\n  check ").And.Not.Match(@"\n  (grade|snapshots|graders|publish|gradescope) "));
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

    // Runs dotnet with ARGUMENTS in ROOT; Log is the standard output, with the standard error after it for a test run.
    private static (int ExitCode, string Log, string Stderr) Dotnet(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var separator = Array.IndexOf(arguments, "--");
        var build = separator < 0 ? arguments : arguments[..separator];
        var forProgram = separator < 0 ? [] : arguments[separator..];
        // dotnet run hands an option it does not know (-nodeReuse:false) to the program; --disable-build-servers covers it.
        var buildServers = build[0] is not ("test" or "build" or "run") || build.Contains("--no-build") ? []
            : build[0] == "run" ? new[] { "--disable-build-servers", "-p:UseSharedCompilation=false" }
            : new[] { "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false" };
        foreach (var argument in build.Concat(buildServers).Concat(forProgram))
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
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, $"dotnet {arguments[0]} took over 5 minutes");
        return (process.ExitCode, arguments[0] == "test" ? stdout + stderr.Result : stdout, stderr.Result);
    }
}
