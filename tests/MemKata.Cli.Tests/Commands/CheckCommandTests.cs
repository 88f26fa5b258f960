using MemKata.Cli.Tests.Support;
using MemKata.Engine.Libc;
using MemKata.Grading;
using MemKata.Grading.Layout;

namespace MemKata.Cli.Tests.Commands;

/// <summary><c>memkata check</c>: the allocator's stub fails its tasks (exit 1), the reference passes every public test
/// (exit 0), a compile error is reported as a compiler does (FILE:LINE:COL, exit 1, no test run), bad input exits 2, and
/// <c>--watch</c> runs again after a save. Expected lines come from the exercise's own files (its tests, its stub's
/// messages, its manifest's task titles).</summary>
public class CheckCommandTests
{
    private static ExerciseLayout Allocator => ExerciseLayout.Load(Repository.Root, "allocator");

    [Test]
    public void The_stub_fails_every_task_with_its_not_implemented_message_and_exits_1()
    {
        var result = CliResult.Run("check", Repository.Exercise("allocator"));

        var tests = PublicTestCount();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Different), result.Stderr);
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.StdoutLines, Has.Some.Match(@"^Task 1 Headers and alignment +0 of \d+ pass   not passing$"));
            Assert.That(result.StdoutLines, Has.Some.StartWith(
                "  FAIL Malloc_returns_a_16_byte_aligned_pointer(1UL): not implemented yet: Task 1: implement Malloc: "));
            Assert.That(result.StdoutLines.Count(l => l.StartsWith("  FAIL ", StringComparison.Ordinal)), Is.EqualTo(tests));
            Assert.That(result.StdoutLines[^1], Is.EqualTo($"allocator: 0 of {tests} public tests pass. Next: task 1, see .docs/instructions.md."));
            Assert.That(result.Stdout, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public void The_reference_passes_every_public_test_and_exits_0()
    {
        using var reference = new SubmissionFolder("Allocator.cs", ReferenceSubmission.Source(Allocator, 0));

        var result = CliResult.Run("check", "allocator", "--submission", reference.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stdout + result.Stderr);
            Assert.That(result.Stdout, Does.Not.Contain("FAIL"));
            Assert.That(result.StdoutLines[^1], Does.StartWith($"allocator: all {PublicTestCount()} public tests pass."));
        });
    }

    [Test]
    public void A_compile_error_is_reported_as_a_compiler_does_and_no_test_runs()
    {
        var stub = File.ReadAllText(Path.Combine(Repository.Exercise("allocator"), "Allocator.cs"));
        var at = stub.IndexOf("throw new NotImplementedException(", StringComparison.Ordinal) + "throw new ".Length;
        using var broken = new SubmissionFolder("Allocator.cs", stub[..at] + "NotImplementedExceptio" + stub[(at + "NotImplementedException".Length)..]);
        var line = stub[..at].Count(c => c == '\n') + 1;
        var column = at - stub.LastIndexOf('\n', at - 1);

        var result = CliResult.Run("check", Repository.Exercise("allocator"), "--submission", broken.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Different));
            Assert.That(result.StdoutLines[0], Does.StartWith($"{Path.Combine(broken.Path, "Allocator.cs")}:{line}:{column}: error CS0246: "));
            Assert.That(result.StdoutLines[^1], Is.EqualTo("allocator: your code does not compile (1 error above): no public test ran."));
            Assert.That(result.Stdout, Does.Not.Contain("FAIL"));
        });
    }

    [TestCase("no-such-exercise", "memkata: no exercise 'no-such-exercise': ")]
    [TestCase("{temp}", "memkata: {temp} is not an exercise folder")]
    public void Bad_input_exits_2_with_one_line(string target, string message)
    {
        var temp = Directory.CreateTempSubdirectory("memkata-check-").FullName;
        try
        {
            var result = CliResult.Run("check", target.Replace("{temp}", temp, StringComparison.Ordinal));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
                Assert.That(result.Stderr, Does.StartWith(message.Replace("{temp}", temp, StringComparison.Ordinal)));
                Assert.That(result.Stdout, Is.Empty);
            });
        }
        finally
        {
            Directory.Delete(temp);
        }
    }

    [TestCase("allocator", "--watch", "--bench", "2", "memkata: --bench saves and times a copy of your files by itself: leave out --watch.")]
    [TestCase("allocator", "--submission", "{temp}/missing", "", "memkata: no submission folder {temp}/missing: give the folder that holds your Allocator.cs.")]
    public void Bad_options_exit_2_with_one_line_before_anything_runs(string target, string option, string value, string more, string message)
    {
        var temp = Directory.CreateTempSubdirectory("memkata-check-").FullName;
        try
        {
            string[] args = ["check", target, option, value.Replace("{temp}", temp, StringComparison.Ordinal), .. more.Length == 0 ? Array.Empty<string>() : [more]];

            var result = CliResult.Run(args);

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
                Assert.That(result.Stderr.Split('\n')[0], Is.EqualTo(message.Replace("{temp}", temp, StringComparison.Ordinal)));
                Assert.That(result.Stdout, Is.Empty);
            });
        }
        finally
        {
            Directory.Delete(temp);
        }
    }

    [Test]
    public void Watch_runs_again_after_a_save_and_ends_with_the_last_runs_exit_code_when_stopped()
    {
        var stub = File.ReadAllText(Path.Combine(Repository.Exercise("allocator"), "Allocator.cs"));
        using var work = new SubmissionFolder("Allocator.cs", stub);
        using var output = new WatchedOutput("Watching ");
        using var stop = new CancellationTokenSource();
        var context = new CliContext(output, TextWriter.Null, GlibcMalloc.Factory, UseColor: false) { Cancel = stop.Token };
        var watching = Task.Run(() => CliApp.Run(["check", "allocator", "--submission", work.Path, "--watch"], context));

        var first = output.WaitForMark(TimeSpan.FromMinutes(3));
        File.WriteAllText(Path.Combine(work.Path, "Allocator.cs"), ReferenceSubmission.Source(Allocator, 0));
        var second = output.WaitForMark(TimeSpan.FromMinutes(3));
        stop.Cancel();
        var exitCode = watching.Wait(TimeSpan.FromMinutes(3)) ? watching.Result : -1;

        var text = output.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(first && second, Is.True, text);
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), text);
            Assert.That(text, Does.Contain($"allocator: 0 of {PublicTestCount()} public tests pass."));
            Assert.That(text, Does.Contain($"\n--- run 2: {Path.Combine(work.Path, "Allocator.cs")} changed ---\n"));
            Assert.That(text, Does.Contain($"allocator: all {PublicTestCount()} public tests pass."));
            Assert.That(text, Does.EndWith("Stopped watching.\n"));
        });
    }

    // The public tests' count as NUnit lists them: each [Test] once, each [TestCase(...)] once.
    private static int PublicTestCount()
    {
        var source = File.ReadAllLines(Path.Combine(Repository.Exercise("allocator"), "AllocatorTests.cs")).Select(l => l.Trim()).ToList();
        return source.Count(l => l == "[Test]") + source.Count(l => l.StartsWith("[TestCase(", StringComparison.Ordinal));
    }
}
