using MemKata.Oracle.Traces;

namespace MemKata.Oracle.Tests;

public class SideBySideBenchmarkTests
{
    [Test]
    public void One_row_per_trace_with_both_sides_timed()
    {
        var traces = new[]
        {
            TraceGenerator.Generate(TraceProfile.SmallReuse, 1, 300),
            TraceGenerator.Generate(TraceProfile.Coalescing, 1, 200),
        };

        var rows = SideBySideBenchmark.Run(traces, 3, RequiredOracle.Get());

        Assert.That(rows.Select(r => r.Trace), Is.EqualTo(traces.Select(t => t.Source)));
        Assert.That(rows.Select(r => r.Operations), Is.EqualTo(new long[] { 900, 600 }));
        Assert.That(rows, Has.All.Matches<BenchmarkRow>(r => r.EngineNsPerOp > 0 && r.GlibcNsPerOp > 0));
        Assert.That(rows[0].Ratio, Is.EqualTo(rows[0].EngineNsPerOp / rows[0].GlibcNsPerOp));
    }

    [Test]
    public void Ratio_is_engine_over_glibc()
    {
        Assert.That(new BenchmarkRow("t", 10, 300, 100).Ratio, Is.EqualTo(3.0));
        Assert.That(new BenchmarkRow("t", 0, 0, 0).Ratio, Is.NaN);
    }
}
