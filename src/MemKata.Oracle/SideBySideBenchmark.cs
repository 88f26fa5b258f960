using MemKata.Engine.Traces;

namespace MemKata.Oracle;

/// <summary>
/// Times the engine's glibc malloc against the machine's real one on the same traces, with the same protocol on both
/// sides: one allocator for the whole run, one untimed warm-up round, then <c>rounds</c> timed rounds, each replaying the
/// trace and then freeing every block still live (ascending id). The real side runs in the C harness
/// (<see cref="GlibcOracle.Bench"/>), the engine side in this process, one after the other, never in parallel.
/// </summary>
public static partial class SideBySideBenchmark
{
    /// <summary>Benchmarks each in-memory trace; the real glibc reads a temporary <c>.rep</c> copy of it, deleted
    /// afterwards. Rows come in the order of <paramref name="traces"/>, named by each trace's source. Exceptions from the
    /// engine or <see cref="GlibcOracleException"/> from the harness pass through.</summary>
    public static IReadOnlyList<BenchmarkRow> Run(IEnumerable<Trace> traces, int rounds, GlibcOracle oracle)
    {
        ArgumentNullException.ThrowIfNull(traces);
        ArgumentNullException.ThrowIfNull(oracle);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        var rows = new List<BenchmarkRow>();
        foreach (var trace in traces)
        {
            var file = Path.Combine(Path.GetTempPath(), $"memkata-bench-{Guid.NewGuid():N}.rep");
            try
            {
                TraceWriter.WriteFile(trace, file);
                rows.Add(Measure(trace.Source, trace, file, rounds, oracle));
            }
            finally
            {
                File.Delete(file);
            }
        }

        return rows;
    }

    private static BenchmarkRow Measure(string name, Trace trace, string file, int rounds, GlibcOracle oracle)
    {
        var native = oracle.Bench(file, rounds);
        var engine = EngineBench.NanosecondsPerOperation(trace, rounds);
        return new BenchmarkRow(name, (long)rounds * trace.Operations.Count, engine, native.NanosecondsPerOperation);
    }
}
