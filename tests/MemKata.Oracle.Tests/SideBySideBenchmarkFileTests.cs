using MemKata.Engine.Traces;
using MemKata.Oracle.Traces;

namespace MemKata.Oracle.Tests;

public class SideBySideBenchmarkFileTests
{
    [Test]
    public void One_row_per_file_named_by_its_path()
    {
        var first = Write("small.rep", TraceGenerator.Generate(TraceProfile.SmallReuse, 2, 300));
        var second = Write("large.rep", TraceGenerator.Generate(TraceProfile.LargeBins, 2, 200));

        var rows = SideBySideBenchmark.Run([first, second], 2, RequiredOracle.Get());

        Assert.That(rows.Select(r => r.Trace), Is.EqualTo(new[] { first, second }));
        Assert.That(rows.Select(r => r.Operations), Is.EqualTo(new long[] { 600, 400 }));
        Assert.That(rows, Has.All.Matches<BenchmarkRow>(r => r.EngineNsPerOp > 0 && r.GlibcNsPerOp > 0));
    }

    [Test]
    public void A_malformed_file_stops_the_run_before_anything_is_timed()
    {
        var good = Write("good.rep", TraceGenerator.Generate(TraceProfile.SmallReuse, 3, 50));
        var bad = Path.Combine(TestContext.CurrentContext.WorkDirectory, "side-by-side", "bad.rep");
        File.WriteAllText(bad, "0\n1\n1\n1\nx 0 16\n");

        Assert.Throws<TraceFormatException>(() => SideBySideBenchmark.Run([good, bad], 1, RequiredOracle.Get()));
    }

    private static string Write(string name, Trace trace)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "side-by-side");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        TraceWriter.WriteFile(trace, path);
        return path;
    }
}
