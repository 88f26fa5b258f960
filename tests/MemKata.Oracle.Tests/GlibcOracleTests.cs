namespace MemKata.Oracle.Tests;

public class GlibcOracleTests
{
    [Test]
    public void A_malformed_trace_is_reported_with_the_harness_message()
    {
        var file = WorkFile("malformed.rep", "0\n2\n2\n1\na 0 16\nx 1\n");

        var error = Assert.Throws<GlibcOracleException>(() => RequiredOracle.Get().Replay(file));
        Assert.That(error.Message, Does.Contain("exited with status 2").And.Contain("malformed.rep:6: an operation must start with a, r or f"));
    }

    [Test]
    public void A_trace_with_fewer_operations_than_announced_is_rejected()
    {
        var file = WorkFile("short.rep", "0\n2\n3\n1\na 0 16\nf 0\n");

        var error = Assert.Throws<GlibcOracleException>(() => RequiredOracle.Get().Replay(file));
        Assert.That(error.Message, Does.Contain("fewer operations than the header announces"));
    }

    [TestCase("a -1 16", "the id -1 is the NULL pointer, which malloc does not take")]
    [TestCase("f -2", "a negative block id: only -1, the NULL pointer, is allowed")]
    [TestCase("r -10 8", "a negative block id: only -1, the NULL pointer, is allowed")]
    public void Only_free_and_realloc_take_the_NULL_id_and_no_other_id_is_negative(string operation, string message)
    {
        var file = WorkFile("negative-id.rep", $"0\n2\n2\n1\nf -1\n{operation}\n");

        var error = Assert.Throws<GlibcOracleException>(() => RequiredOracle.Get().Replay(file));
        Assert.That(error.Message, Does.Contain($"negative-id.rep:6: {message}"));
    }

    [Test]
    public void A_missing_trace_file_is_reported()
    {
        var missing = Path.Combine(TestContext.CurrentContext.WorkDirectory, "no-such-trace.rep");

        var error = Assert.Throws<GlibcOracleException>(() => RequiredOracle.Get().Replay(missing));
        Assert.That(error.Message, Does.Contain("cannot open"));
    }

    [Test]
    public void Replay_prints_one_line_per_operation_and_frees_are_short()
    {
        var file = WorkFile("free-null.rep", "0\n1\n3\n1\nf 0\nr 0 0\nf 0\n");

        Assert.That(RequiredOracle.Get().Replay(file), Is.EqualTo(new[]
        {
            // free(NULL) does not touch the heap, realloc(NULL, 0) is malloc(0), which initializes it.
            "0 f 0 brk=0",
            "1 r 0 0 -> 672 csize=32 brk=135168",
            "2 f 0 brk=135168",
        }));
    }

    [Test]
    public void Bench_counts_rounds_times_operations()
    {
        var file = WorkFile("bench.rep", "0\n2\n4\n1\na 0 16\na 1 5000\nf 0\nr 1 9000\n");

        var result = RequiredOracle.Get().Bench(file, 25);

        Assert.That(result.Operations, Is.EqualTo(100));
        Assert.That(result.TotalNanoseconds, Is.Positive);
        Assert.That(result.NanosecondsPerOperation, Is.EqualTo(result.TotalNanoseconds / 100.0));
    }

    [Test]
    public void Without_gcc_TryCreate_says_so_instead_of_throwing()
    {
        var emptyFolder = Directory.CreateTempSubdirectory("memkata-no-gcc").FullName;

        var created = GlibcOracle.TryCreate(Path.Combine(emptyFolder, "cache"), emptyFolder, out var oracle, out var whyNot);

        Assert.That(created, Is.False);
        Assert.That(oracle, Is.Null);
        Assert.That(whyNot, Does.Contain("gcc was not found on PATH"));
        Directory.Delete(emptyFolder, recursive: true);
    }

    [Test]
    public void Concurrent_first_uses_compile_into_one_cache_entry_that_all_can_run()
    {
        RequiredOracle.Get();
        var cacheRoot = Directory.CreateTempSubdirectory("memkata-oracle-cache").FullName;
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;

        var results = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4)
            .Select(_ => GlibcOracle.TryCreate(cacheRoot, path, out var oracle, out var whyNot) ? oracle.GlibcVersion : "failed: " + whyNot)
            .ToList();

        Assert.That(results, Has.All.EqualTo("2.36"));
        var entry = Directory.GetDirectories(cacheRoot).Single();
        Assert.That(Directory.GetFiles(entry).Select(Path.GetFileName), Is.EquivalentTo(new[] { "glibc-replay", "glibc-replay.c" }), "no temporary files left behind");
        Directory.Delete(cacheRoot, recursive: true);
    }

    [Test]
    public void The_embedded_source_is_the_harness()
    {
        Assert.That(GlibcOracle.Source, Does.Contain("int main(int argc, char **argv)").And.Not.Contain("#include <stdio.h>"));
    }

    private static string WorkFile(string name, string text)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "glibc-oracle");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
