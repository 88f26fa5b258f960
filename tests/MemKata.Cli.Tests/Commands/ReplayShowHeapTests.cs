using MemKata.Cli.Tests.Support;

namespace MemKata.Cli.Tests.Commands;

/// <summary><c>memkata replay --show-heap N</c>: the heap after operation N, chunk by chunk. Expected lines come from
/// running the bundled tour with the engine's glibc.</summary>
public class ReplayShowHeapTests
{
    [Test]
    public void The_heap_after_operation_3_of_the_tour_is_glibc_s_tcache_chunk_four_blocks_and_the_top()
    {
        var result = CliResult.Run(["replay", "--show-heap", "3"]);

        var start = Array.IndexOf(result.StdoutLines, "-- heap after operation 3: break at +0x21000 --");
        Assert.That(start, Is.GreaterThan(0), result.Stdout);
        Assert.That(result.StdoutLines.Skip(start + 1).Take(8), Is.EqualTo(new[]
        {
            "    offset  chunk                  size  flags  state",
            "      +0x0  0x555555559000        656  P      in use",
            "    +0x290  0x555555559290         32  P      in use",
            "    +0x2b0  0x5555555592b0         32  P      in use",
            "    +0x2d0  0x5555555592d0        112  P      in use",
            "    +0x340  0x555555559340        512  P      in use",
            "    +0x540  0x555555559540     133824  P      free (top: reaches the break)",
            "free: 1 chunk, 133824 bytes; largest 133824",
        }));
    }

    [Test]
    public void Show_heap_with_the_chunks_format_is_a_usage_error()
    {
        var result = CliResult.Run(["replay", "--show-heap", "3", "--format", "chunks"]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Stderr, Does.Contain("--show-heap adds the heap to the readable account"));
    }
}
