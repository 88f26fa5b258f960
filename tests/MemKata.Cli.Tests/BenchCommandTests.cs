using MemKata.Oracle;

namespace MemKata.Cli.Tests;

/// <summary><c>memkata bench</c>: engine against the real glibc. Out of the build until MemKata.Oracle is on main (see
/// MemKata.Cli.Tests.csproj). The timing test needs gcc and is ignored where the oracle cannot be had.</summary>
public class BenchCommandTests
{
    [Test]
    public void Bench_times_one_generated_trace_per_profile_on_both_sides()
    {
        if (!GlibcOracle.TryCreate(out _, out var whyNot))
        {
            Assert.Ignore($"the real glibc cannot be run here: {whyNot}");
        }

        var result = CliResult.Run("bench", "--rounds", "2");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
            Assert.That(result.Stdout, Does.Contain("against this machine's real glibc"));
            Assert.That(result.Stdout, Does.Contain("SmallReuse (generated, seed 1)"));
            Assert.That(result.Stdout, Does.Contain("MmapThreshold (generated, seed 1)"));
            Assert.That(result.Stdout, Does.Contain("engine / glibc"));
            Assert.That(result.Stdout, Does.Match(@"│\s+40000 │"), "2 rounds of 20000 operations");
        });
    }

    [Test]
    public void Bench_rejects_fewer_than_1_round()
    {
        var result = CliResult.Run("bench", "--rounds", "0");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Stderr, Does.StartWith("memkata: --rounds needs at least 1 round"));
    }

    [Test]
    public void Bench_stops_at_a_malformed_trace_before_timing_anything()
    {
        using var good = new TraceFile("0\n1\n1\n1\na 0 8\n");
        using var bad = new TraceFile("0\n1\n1\n1\nf 0 8\n");

        var result = CliResult.Run("bench", good.Path, bad.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.StartWith($"memkata: {bad.Path}:5: 'f' is written 'f id'"));
        });
    }

    [Test]
    public void Bench_reports_an_engine_crash_with_its_operation()
    {
        using var trace = new TraceFile($"0\n1\n1\n1\na 0 {Fakes.BumpAllocator.SegfaultSize}\n");

        var result = CliResult.RunWithFake(["bench", trace.Path]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.SegmentationFault));
        Assert.That(result.Stderr, Does.Contain("during operation #0"));
    }
}
