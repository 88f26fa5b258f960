using MemKata.Cli.Tests.Fakes;
using MemKata.Engine;

namespace MemKata.Cli.Tests.Support;

/// <summary>What one in-process run of memkata did: its exit code and everything it wrote.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs memkata as the executable does, with the real allocator (glibc's).</summary>
    public static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CliApp.Run(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs memkata with <see cref="BumpAllocator"/> (or <paramref name="factory"/>) in place of glibc.</summary>
    public static CliResult RunWithFake(string[] args, AllocatorFactory? factory = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, factory ?? (memory => new BumpAllocator(memory)), UseColor: false);
        var exitCode = CliApp.Run(args, context);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
