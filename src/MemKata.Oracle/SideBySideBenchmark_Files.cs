using MemKata.Engine.Traces;

namespace MemKata.Oracle;

/// <summary>The side-by-side benchmark on trace files.</summary>
public static partial class SideBySideBenchmark
{
    /// <summary>Benchmarks each <c>.rep</c> file: the engine replays what <see cref="TraceParser.ParseFile"/> reads, the
    /// real glibc reads the file itself. Every file is parsed before anything is timed, so a missing or malformed one
    /// (<see cref="FileNotFoundException"/>, <see cref="TraceFormatException"/>) stops the run at once. Rows come in the
    /// order of <paramref name="traceFiles"/>, named by each path as given.</summary>
    public static IReadOnlyList<BenchmarkRow> Run(IEnumerable<string> traceFiles, int rounds, GlibcOracle oracle)
    {
        ArgumentNullException.ThrowIfNull(traceFiles);
        ArgumentNullException.ThrowIfNull(oracle);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        var parsed = traceFiles.Select(file => (File: file, Trace: TraceParser.ParseFile(file))).ToList();
        return parsed.Select(t => Measure(t.File, t.Trace, t.File, rounds, oracle)).ToList();
    }
}
