using MemKata.Cli.Tests.Support;

namespace MemKata.Cli.Tests.Commands;

/// <summary>
/// memkata as a learner runs it, with the reference allocator (glibc 2.36's malloc). These tests fail with an internal
/// error until <c>GlibcMalloc</c> is implemented. The tour assertions pin down the story that <c>Traces/tour.md</c> tells.
/// </summary>
public class ReplayWithGlibcTests
{
    [Test]
    public void The_default_trace_runs_and_the_output_names_it()
    {
        var result = CliResult.Run("replay");

        Assert.Multiple(() =>
        {
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.StartWith("Replaying tour.rep, the bundled tour"));
            Assert.That(result.Stdout, Does.Contain("Summary"));
        });
    }

    [Test]
    public void Text_format_shows_the_brk_mmap_and_munmap_system_calls()
    {
        var result = CliResult.Run("replay");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.Match(@"brk\(0x[0-9a-f]+\) = 0x[0-9a-f]+"));
            Assert.That(result.Stdout, Does.Contain("mmap(NULL, 200704, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x"));
            Assert.That(result.Stdout, Does.Match(@"munmap\(0x[0-9a-f]+, 200704\) = 0"));
            Assert.That(result.Stdout, Does.Contain("malloc(1) = 0x5555555592a0 (initial break + 0x2a0)"));
            Assert.That(result.Stdout, Does.Contain("grew by 135168 bytes (132 KiB)"));
            Assert.That(result.Stdout, Does.Contain("realloc(0x555555559550, 300000) = 0x555555559550 (initial break + 0x550); grown in place"));
            Assert.That(result.Stdout, Does.Contain("moved: the old block, a chunk of 32 bytes at initial break + 0x2c0, was freed"));
            Assert.That(result.Stdout, Does.Contain("shrank by 450560 bytes (440 KiB)"));
            Assert.That(result.Stdout, Does.Not.Contain("\u001b"));
        });
    }

    [Test]
    public void Chunks_format_on_the_tour_has_one_line_per_operation()
    {
        var result = CliResult.Run("replay", "--format", "chunks");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.StdoutLines, Has.Length.EqualTo(20));
            Assert.That(result.StdoutLines[0], Is.EqualTo("0 a 0 1 -> 672 csize=32 brk=135168"));
        });
    }

    [Test]
    public void The_tour_tells_its_story()
    {
        var lines = CliResult.Run("replay", "--format", "chunks").StdoutLines;
        Assert.That(lines, Has.Length.EqualTo(20));
        var ops = lines.Select(ChunksLine.Parse).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(ops[0].Break, Is.EqualTo(132 * 1024), "malloc(1) grows the heap by 132 KiB");
            Assert.That(ops[1..4].Select(o => o.Target), Has.None.EqualTo("MMAP"), "small blocks come from the heap");
            Assert.That(ops[4].Target, Is.EqualTo("MMAP"), "200000 bytes is above the initial mmap threshold");
            Assert.That(ops[6].Target, Is.Not.EqualTo("MMAP"), "after the munmap the threshold rose: the heap serves it");
            Assert.That(ops[6].Break, Is.GreaterThan(ops[5].Break), "the heap grows for it");
            Assert.That(ops[7].Break, Is.EqualTo(ops[6].Break), "its free keeps the memory pooled: no trim");
            Assert.That(ops[8].Target, Is.EqualTo(ops[6].Target), "the same request comes back from the pooled top");
            Assert.That(ops[8].Break, Is.EqualTo(ops[7].Break), "without growing the heap");
            Assert.That(ops[10].Target, Is.EqualTo(ops[2].Target), "the tcache hands block 2's chunk back");
            Assert.That(ops[11].Target, Is.EqualTo(ops[8].Target), "realloc grows block 5 in place");
            Assert.That(ops[12].Target, Is.Not.EqualTo(ops[1].Target), "realloc moves block 1");
            Assert.That(ops[13].Break, Is.GreaterThan(ops[12].Break), "a 150000-byte block grows the heap again");
            Assert.That(ops[18].Break, Is.EqualTo(ops[13].Break), "no trim until the last free");
            Assert.That(ops[19].Break, Is.LessThan(ops[18].Break), "freeing everything trims the top");
        });
    }

    [Test]
    public void A_request_beyond_PTRDIFF_MAX_returns_NULL()
    {
        using var trace = new TraceFile("0\n1\n1\n1\na 0 9223372036854775808\n");

        var result = CliResult.Run("replay", trace.Path, "--format", "chunks");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(result.Stdout, Is.EqualTo("0 a 0 9223372036854775808 -> 0 csize=0 brk=0\n"));
    }

    [Test]
    public void Bench_reports_ns_per_operation_for_the_tour()
    {
        var result = CliResult.Run("replay", "--bench", "2");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(result.Stdout, Does.Contain("ns per operation"));
    }

    // One chunks line: "<i> <a|r|f> <id> [<size> -> <target> csize=<csize>] brk=<brk>".
    private sealed record ChunksLine(string Target, long Break)
    {
        public static ChunksLine Parse(string line)
        {
            var fields = line.Split(' ');
            var brk = long.Parse(fields[^1]["brk=".Length..], System.Globalization.CultureInfo.InvariantCulture);
            return new ChunksLine(fields[1] == "f" ? string.Empty : fields[5], brk);
        }
    }
}
