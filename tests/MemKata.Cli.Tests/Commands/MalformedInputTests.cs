using System.Diagnostics;
using System.Globalization;
using MemKata.Engine.Input;

namespace MemKata.Cli.Tests.Commands;

/// <summary>
/// The promise of issue 14, for every input of the corpus (<see cref="MalformedInputCase"/>), run in-process as the
/// executable runs (<see cref="CliApp.Run(string[], TextWriter, TextWriter)"/>): the expected exit code (0, 1 or 2) and
/// message, within 60 s and under 1 GB, with no stack trace and no control character on either stream.
/// </summary>
[NonParallelizable]
public class MalformedInputTests
{
    /// <summary>How long one input may take.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    /// <summary>How much memory one input may take (the peak resident memory, the test host's own included).</summary>
    public const long MemoryLimit = 1L << 30;

    private static IEnumerable<TestCaseData> Cases() =>
        MalformedInputCase.All.Select(c => new TestCaseData(c).SetName(c.ToString()));

    [Test]
    public void The_corpus_has_at_least_200_inputs_of_every_kind_the_issue_names()
    {
        var kinds = MalformedInputCase.All.Select(c => c.Kind).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(MalformedInputCase.All, Has.Count.GreaterThanOrEqualTo(200));
            Assert.That(kinds, Is.SupersetOf(new[]
            {
                "trace-header", "trace-operation", "trace-numbers", "binary", "huge-input", "file", "option", "output",
                "yaml", "size", "machine", "process", "scenario-structure", "scenario-semantics", "scenario-numbers",
            }));
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Ends_with_the_expected_code_and_message(MalformedInputCase input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tmp = Directory.CreateTempSubdirectory("memkata-malformed-").FullName;
        try
        {
            input.Prepare(tmp);
            var run = Run(input.Arguments(tmp));
            Record(input, run);
            Check(input, run.ExitCode, run.Stdout, run.Stderr);
            Assert.That(run.Elapsed, Is.LessThan(TimeLimit), "time");
            Assert.That(run.PeakBytes ?? 0, Is.LessThan(MemoryLimit), "peak resident memory");
        }
        finally
        {
            Directory.Delete(tmp, recursive: true);
        }
    }

    /// <summary>The checks every input gets, in-process or in a child process.</summary>
    internal static void Check(MalformedInputCase input, int exitCode, string stdout, string stderr)
    {
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(input.Exit), $"exit code; stderr: {stderr}");
            Assert.That(exitCode, Is.AnyOf(0, 1, 2));
            foreach (var text in input.Stderr)
            {
                Assert.That(stderr, Does.Contain(text), "standard error");
            }

            foreach (var text in input.Stdout)
            {
                Assert.That(stdout, Does.Contain(text), "standard output");
            }

            Assert.That(stderr, Does.Not.Contain("   at ").And.Not.Contain("Exception").And.Not.Contain("internal error"), "no stack trace");
            Assert.That(InputText.IndexOfUnsafe(stderr, allowTabsAndLineBreaks: true), Is.EqualTo(-1), "no control character on standard error");
            Assert.That(stdout.Contains('\u001b', StringComparison.Ordinal), Is.False, "no escape sequence on standard output");
            if (exitCode == 2)
            {
                Assert.That(stderr, Does.StartWith("memkata: "), "one memkata: line");
                Assert.That(stderr.Split('\n').Max(l => l.Length), Is.LessThan(2000), "a message quotes little");
            }
        });
    }

    private sealed record InProcessRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, long? PeakBytes);

    // The command runs on its own thread, so that one that hangs fails its test instead of the whole run.
    private static InProcessRun Run(string[] args)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var measured = PeakMemory.ResetOwn();
        var stdout = new CappedWriter(1 << 20);
        var stderr = new CappedWriter(1 << 20);
        var exitCode = -1;
        var clock = Stopwatch.StartNew();
        var thread = new Thread(() => exitCode = CliApp.Run(args, stdout, stderr)) { IsBackground = true };
        thread.Start();
        var finished = thread.Join(TimeLimit);
        clock.Stop();
        Assert.That(finished, Is.True, $"memkata {string.Join(' ', args)} still running after {TimeLimit.TotalSeconds} s");
        return new InProcessRun(exitCode, stdout.ToString(), stderr.ToString(), clock.Elapsed, measured ? PeakMemory.Of("self") : null);
    }

    // With MEMKATA_ROBUSTNESS_REPORT=FILE, one line per input (kind, case, exit, seconds, peak MB): docs/ROBUSTNESS.md's table.
    private static void Record(MalformedInputCase input, InProcessRun run)
    {
        if (Environment.GetEnvironmentVariable("MEMKATA_ROBUSTNESS_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture,
                $"in-process\t{input.Kind}\t{input}\t{run.ExitCode}\t{run.Elapsed.TotalSeconds:0.000}\t{(run.PeakBytes ?? 0) / 1048576.0:0}\n"));
        }
    }
}
