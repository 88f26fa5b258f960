using System.Globalization;
using MemKata.Cli.Replay;
using MemKata.Cli.Traces;
using MemKata.Engine.Input;
using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>Writes the result of <c>memkata replay --bench</c>: what was timed and the cost per operation.</summary>
internal static class BenchmarkReport
{
    /// <summary>Writes <paramref name="result"/> for <paramref name="trace"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, TraceInput trace, BenchmarkResult result)
    {
        console.MarkupLine($"[bold]Benchmarking the engine on {Markup.Escape(InputText.Escape(trace.Description))}[/]");
        var cost = double.IsNaN(result.NanosecondsPerOperation)
            ? "n/a (the trace has no operations)"
            : Invariant($"{result.NanosecondsPerOperation:N1} ns per operation (simulated, wall clock)");
        var throughput = double.IsNaN(result.OperationsPerSecond)
            ? "n/a"
            : Invariant($"{result.OperationsPerSecond:N0} operations per second");
        FactList.Write(console,
        [
            ("Rounds", Invariant($"{result.Rounds}, each in a fresh simulated process (after 1 untimed warm-up round)")),
            ("Operations", Invariant($"{result.OperationsPerRound} per round, {result.TimedOperations} timed")),
            ("Time", Invariant($"{result.Elapsed.TotalMilliseconds:0.###} ms in the operations")),
            ("Cost", cost),
            ("Throughput", throughput),
        ]);
        console.Profile.Out.Writer.Flush();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
