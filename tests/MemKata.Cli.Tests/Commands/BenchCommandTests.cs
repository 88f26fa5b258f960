using MemKata.Cli.Commands;
using MemKata.Cli.Tests.Support;
using MemKata.Oracle;

namespace MemKata.Cli.Tests.Commands;

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
    public void Bench_kernel_times_the_simulated_kernel_against_the_real_one()
    {
        var result = CliResult.Run("bench", "--kernel", "--touch", "64MiB", "--ram", "32MiB", "--swap", "64MiB", "--rounds", "1");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
            Assert.That(result.Stdout, Does.Contain("One process touching 64 MiB, one byte per page, on a simulated machine with 32 MiB of RAM and 64 MiB swap"));
            Assert.That(result.Stdout, Does.Match(@"simulated machine \(faults, reclaim, swap\)\s+│\s+16,384 │\s+[1-9][0-9,]* │"), "16384 faults and some pages swapped out");
            Assert.That(result.Stdout, Does.Match(@"real kernel \(first touch, no swap\)\s+│\s+131,072 │"));
            Assert.That(result.Stdout, Does.Match(@"simulated / real per fault: [0-9.]+×"));
        });
    }

    [Test]
    public void Bench_kernel_says_when_the_touch_cannot_fit_the_machine()
    {
        var result = CliResult.Run("bench", "--kernel", "--touch", "64MiB", "--ram", "16MiB", "--swap", "0", "--rounds", "1");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Stderr, Does.StartWith("memkata: the simulated process was killed (").And.Contains("64 MiB does not fit in 16 MiB of RAM and 0 B of swap"));
    }

    [TestCase("--ram", "1GiB", "memkata: --ram only applies to the kernel benchmark: add --kernel.")]
    [TestCase("--kernel --touch", "lots", "memkata: --touch takes a size such as 4096, 512 MiB or 8 GiB; 'lots' is not one.")]
    [TestCase("--kernel --ram", "100", "memkata: --ram needs at least one page (4096 bytes); got '100'.")]
    [TestCase("--kernel --format", "text", "memkata: Unrecognized option '--format'")]
    [TestCase("--kernel", "trace.rep", "memkata: --kernel times the simulated kernel, not traces: give either TRACE files or --kernel, not both.")]
    public void Bench_kernel_options_are_checked(string options, string value, string message)
    {
        var result = CliResult.Run(["bench", .. options.Split(' '), value]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Stderr, Does.StartWith(message));
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
            Assert.That(result.Stderr, Does.StartWith($"memkata: {bad.Path}:5:5: 'f' is written 'f id'"));
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

    [Test]
    public void The_limits_bench_checks_are_the_real_glibc_sides()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GlibcOracle.Source, Does.Contain($"#define MAX_IDS (1u << {Math.Log2(BenchCommand.MaxIds)})"));
            Assert.That(GlibcOracle.Source, Does.Contain($"#define MAX_OPS (1u << {Math.Log2(BenchCommand.MaxOperations)})"));
        });
    }
}
