namespace MemKata.Oracle;

/// <summary>One trace's line in a side-by-side benchmark: the engine's and the real glibc's time per operation, both
/// measured with the same protocol (see <see cref="SideBySideBenchmark"/>).</summary>
/// <param name="Trace">The trace file as given, or the source name of an in-memory trace.</param>
/// <param name="Operations">Operations timed on each side: rounds × the trace's operation count.</param>
/// <param name="EngineNsPerOp">The engine's mean nanoseconds per operation.</param>
/// <param name="GlibcNsPerOp">The real glibc's mean nanoseconds per operation.</param>
public sealed record BenchmarkRow(string Trace, long Operations, double EngineNsPerOp, double GlibcNsPerOp)
{
    /// <summary>How many times slower the engine is than glibc (engine / glibc); NaN when glibc's time is zero.</summary>
    public double Ratio => GlibcNsPerOp == 0 ? double.NaN : EngineNsPerOp / GlibcNsPerOp;
}
