using MemKata.Cli.Tests.Fakes;
using MemKata.Cli.Tests.Support;

namespace MemKata.Cli.Tests.Commands;

/// <summary>The replay command's plumbing, run with <see cref="BumpAllocator"/> so that it does not depend on glibc's
/// allocator: formats, streaming, system-call logging, crashes and exit codes.</summary>
public class ReplayPlumbingTests
{
    // Offsets and sizes are the bump allocator's: 16-byte header gap at the heap start, 132 KiB heap growth.
    private const string SmallTrace = "0\n3\n5\n1\na 0 24\na 1 200000\nf 1\nr 0 100\nf 0\n";

    [Test]
    public void Chunks_format_prints_exactly_one_ChunksFormat_line_per_operation()
    {
        using var trace = new TraceFile(SmallTrace);

        var result = CliResult.RunWithFake(["replay", trace.Path, "--format", "chunks"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.Stdout, Is.EqualTo(
                "0 a 0 24 -> 16 csize=32 brk=135168\n" +
                "1 a 1 200000 -> MMAP csize=200704 brk=135168\n" +
                "2 f 1 brk=135168\n" +
                "3 r 0 100 -> 48 csize=112 brk=135168\n" +
                "4 f 0 brk=135168\n"));
        });
    }

    [Test]
    public void Text_format_shows_each_operation_with_its_system_calls_in_strace_style()
    {
        using var trace = new TraceFile(SmallTrace);

        var result = CliResult.RunWithFake(["replay", trace.Path]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.Stdout, Does.Contain($"Replaying {trace.Path}"));
            Assert.That(result.Stdout, Does.Contain("#0  line 5  a 0 24"));
            Assert.That(result.Stdout, Does.Contain("malloc(24) = 0x555555559010 (initial break + 0x10)"));
            Assert.That(result.Stdout, Does.Contain("chunk of 32 bytes, on the heap"));
            Assert.That(result.Stdout, Does.Contain("brk(0x55555557a000) = 0x55555557a000"));
            Assert.That(result.Stdout, Does.Contain("break 0x55555557a000 = initial break + 0x21000, grew by 135168 bytes (132 KiB)"));
            Assert.That(result.Stdout, Does.Contain("chunk of 200704 bytes (196 KiB), mmapped: a mapping of its own"));
            Assert.That(result.Stdout, Does.Match(@"mmap\(NULL, 200704, PROT_READ\|PROT_WRITE, MAP_PRIVATE\|MAP_ANONYMOUS, -1, 0\) = 0x7fff[0-9a-f]+"));
            Assert.That(result.Stdout, Does.Match(@"munmap\(0x7fff[0-9a-f]+, 200704\) = 0"));
            Assert.That(result.Stdout, Does.Contain("realloc(0x555555559010, 100) = 0x555555559030 (initial break + 0x30); moved"));
            Assert.That(result.Stdout, Does.Contain("no system call"));
        });
    }

    [Test]
    public void Text_format_ends_with_a_summary_of_peaks_syscalls_and_mappings()
    {
        using var trace = new TraceFile(SmallTrace);

        var result = CliResult.RunWithFake(["replay", trace.Path]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Stdout, Does.Contain("Operations     5 of 5: 2 malloc, 1 realloc, 2 free"));
            Assert.That(result.Stdout, Does.Contain("Peak heap      135168 bytes (132 KiB) above the initial break"));
            Assert.That(result.Stdout, Does.Contain("Peak mmapped   200704 bytes (196 KiB) in mappings of their own"));
            Assert.That(result.Stdout, Does.Contain("Final break    0x55555557a000 = initial break + 0x21000"));
            Assert.That(result.Stdout, Does.Match(@"mmap\s+.\s+1\s+.\s+0"), "one mmap, none failed, in the table");
            Assert.That(result.Stdout, Does.Contain("[heap]"));
            Assert.That(result.Stdout, Does.Contain("0x555555559000"));
        });
    }

    [Test]
    public void Output_to_a_writer_that_is_not_a_terminal_has_no_ANSI_escapes()
    {
        using var trace = new TraceFile(SmallTrace);

        var text = CliResult.RunWithFake(["replay", trace.Path]);
        var bench = CliResult.RunWithFake(["replay", trace.Path, "--bench", "1"]);

        Assert.That(Rendering.ColorPolicy.AllowsColor(new StringWriter()), Is.False);
        Assert.That(text.Stdout + bench.Stdout, Does.Not.Contain("\u001b"));
    }

    [Test]
    public void A_double_free_aborts_like_glibc_with_exit_code_134_after_the_lines_already_printed()
    {
        // A trace cannot free a block twice (the driver clears the slot), so the fake reports the abort on free #2.
        using var trace = new TraceFile("0\n2\n4\n1\na 0 24\na 1 24\nf 0\nf 1\n");
        var frees = 0;
        var result = CliResult.RunWithFake(
            ["replay", trace.Path, "--format", "chunks"],
            memory => new DoubleFreeOnSecondFree(new BumpAllocator(memory), () => ++frees));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Aborted));
            Assert.That(result.Stdout, Is.EqualTo(
                "0 a 0 24 -> 16 csize=32 brk=135168\n1 a 1 24 -> 48 csize=32 brk=135168\n2 f 0 brk=135168\n"));
            Assert.That(result.StdoutLines, Has.Length.EqualTo(3), "the lines printed before the abort stay printed");
            Assert.That(result.Stderr, Does.StartWith("free(): double free detected in tcache 2\n"));
            Assert.That(result.Stderr, Does.Contain($"died of SIGABRT (exit code 134) during operation #3, {trace.Path}:8: f 1"));
        });
    }

    [Test]
    public void A_segmentation_fault_exits_with_139_and_names_the_operation()
    {
        using var trace = new TraceFile($"0\n2\n2\n1\na 0 24\na 1 {BumpAllocator.SegfaultSize}\n");

        var result = CliResult.RunWithFake(["replay", trace.Path]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.SegmentationFault));
            Assert.That(result.Stderr, Does.StartWith("Segmentation fault: write to 0x10: no mapping at this address\n"));
            Assert.That(result.Stderr, Does.Contain($"died of SIGSEGV (exit code 139) during operation #1, {trace.Path}:6: a 1 666"));
            Assert.That(result.Stdout, Does.Contain("#0  line 5  a 0 24"), "the operation before the crash is shown");
            Assert.That(result.Stdout, Does.Contain("Summary of the 1 operation before the process died"));
        });
    }

    [Test]
    public void Bench_times_the_replay_and_reports_the_cost_per_operation()
    {
        using var trace = new TraceFile(SmallTrace);

        var result = CliResult.RunWithFake(["replay", trace.Path, "--bench", "3"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stderr, Is.Empty);
            Assert.That(result.Stdout, Does.Contain($"Benchmarking the engine on {trace.Path}"));
            Assert.That(result.Stdout, Does.Contain("3, each in a fresh simulated process"));
            Assert.That(result.Stdout, Does.Contain("5 per round, 15 timed"));
            Assert.That(result.Stdout, Does.Match(@"[\d,.]+ ns per operation"));
            Assert.That(result.Stdout, Does.Match(@"[\d,]+ operations per second"));
        });
    }

    [Test]
    public void Bench_reports_a_crash_like_a_replay_does()
    {
        using var trace = new TraceFile($"0\n1\n1\n1\na 0 {BumpAllocator.SegfaultSize}\n");

        var result = CliResult.RunWithFake(["replay", trace.Path, "--bench", "5"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.SegmentationFault));
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.Contain("during operation #0"));
        });
    }

    [Test]
    public void Bench_of_a_trace_without_operations_says_there_is_nothing_to_time()
    {
        using var trace = new TraceFile("0\n0\n0\n0\n");

        var result = CliResult.RunWithFake(["replay", trace.Path, "--bench", "2"]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(result.Stdout, Does.Contain("n/a (the trace has no operations)"));
    }

    [Test]
    public void An_unexpected_engine_exception_is_an_internal_error_not_a_user_error()
    {
        using var trace = new TraceFile("0\n1\n1\n1\na 0 8\n");

        var result = CliResult.RunWithFake(["replay", trace.Path], _ => throw new InvalidOperationException("todo"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InternalError));
            Assert.That(result.Stderr, Does.StartWith("memkata: internal error: InvalidOperationException: todo\n"));
        });
    }

    [Test]
    public void A_header_declaring_two_billion_ids_costs_only_the_ids_used()
    {
        using var trace = new TraceFile("0\n2147483647\n1\n1\na 2147483646 8\n");

        var result = CliResult.RunWithFake(["replay", trace.Path]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Stderr);
            Assert.That(result.Stdout, Does.Contain("1 operation on 2147483647 block ids"));
        });
    }

    [Test]
    public void Without_a_trace_the_bundled_tour_is_replayed_and_named()
    {
        var result = CliResult.RunWithFake(["replay"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(result.Stdout, Does.StartWith("Replaying tour.rep, the bundled tour"));
            Assert.That(result.Stdout, Does.Contain("20 operations on 8 block ids"));
        });
    }
}
