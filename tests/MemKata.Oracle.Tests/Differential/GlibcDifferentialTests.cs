using System.Globalization;
using MemKata.Engine.Libc;
using MemKata.Engine.Traces;
using MemKata.Oracle.Traces;

namespace MemKata.Oracle.Tests.Differential;

/// <summary>
/// The engine's glibc malloc against the machine's real glibc 2.36, line by line in the <c>chunks</c> format: every
/// generated profile with several seeds, plus a hand-written trace whose real output is pinned. A machine without the
/// oracle fails these tests; it never skips them.
/// </summary>
public class GlibcDifferentialTests
{
    private const int OperationsPerTrace = 3000;
    private const int ContextLines = 5;

    private static readonly ulong[] Seeds = [1, 2, 3, 4, 5, 6];

    // Verified with the real glibc 2.36 (Debian 2.36-9+deb12u14, x86-64) through glibc-replay.
    private const string TinyTrace = """
        0
        4
        11
        1
        a 0 1
        a 1 200000
        r 0 5000
        f 1
        a 2 24
        f 2
        a 3 24
        r 0 0
        a 2 4000
        a 1 150000
        f 1

        """;

    // CMU 15-213's conventions: the id -1 is the NULL pointer (free(NULL); realloc(NULL, n), whose block no id holds
    // and which is never freed) and the lines after the operations the header promises are not read.
    private const string CmuStyleTrace = """
        1
        3
        11
        0
        f -1
        a 0 24
        r -1 100
        r 1 5000
        f -1
        r 0 0
        r -1 0
        a 2 200000
        r -1 300000
        f 2
        f 1
        a 0 8
        f 0
        this line is not an operation, and it is not read

        """;

    private static readonly string[] TinyTraceOnRealGlibc =
    [
        // The tcache_perthread_struct (0x290 bytes) comes first: the first user chunk's memory starts at 0x2a0. The
        // first sbrk asks for the request plus M_TOP_PAD (128 KiB), page-rounded: 0x21000.
        "0 a 0 1 -> 672 csize=32 brk=135168",

        // 200000 bytes are above the 128 KiB mmap threshold: a mapping of its own, page-rounded.
        "1 a 1 200000 -> MMAP csize=200704 brk=135168",

        // The block sits right below top: realloc grows it in place.
        "2 r 0 5000 -> 672 csize=5008 brk=135168",

        // Freeing the mmapped chunk raises the mmap threshold to 200704 and the trim threshold to 401408.
        "3 f 1 brk=135168",
        "4 a 2 24 -> 5680 csize=32 brk=135168",
        "5 f 2 brk=135168",

        // The tcache hands back the chunk just freed.
        "6 a 3 24 -> 5680 csize=32 brk=135168",

        // realloc(p, 0) frees and returns NULL; the chunk is not next to top, so it goes to the unsorted bin ...
        "7 r 0 0 -> 0 csize=0 brk=135168",

        // ... and the next request is split from it.
        "8 a 2 4000 -> 672 csize=4016 brk=135168",

        // Below the raised threshold, 150000 bytes now come from the heap, which grows.
        "9 a 1 150000 -> 5712 csize=150016 brk=290816",

        // Top is now 285104 bytes: over 128 KiB but under the raised trim threshold, so the heap is not trimmed.
        "10 f 1 brk=290816",
    ];

    // Three free chunks sorted into large bins 65, 79 and 98 (the guards keep them apart), then three requests that
    // find their own bins empty and take the next non-empty bin through the binmap: from bin 4 to 65 (across blocks,
    // then 1 bin into block 2), from 72 to 79 (7 empty bins skipped inside a block) and from 98 to 98 (none skipped).
    // Real glibc 2.36 answers 672, 5872 and 1824 for operations 9 to 11.
    private const string BinmapTrace = """
        0
        10
        16
        1
        a 0 1100
        a 1 16
        a 2 4000
        a 3 16
        a 4 2000
        a 5 16
        f 0
        f 2
        f 4
        a 6 40
        a 7 1500
        a 8 3500
        a 9 8000
        f 6
        f 7
        f 8

        """;

    private static IEnumerable<TestCaseData> GeneratedTraces() =>
        from profile in Enum.GetValues<TraceProfile>()
        from seed in Seeds
        select new TestCaseData(profile, seed).SetName($"Engine_matches_real_glibc_on_{profile}_seed_{seed}");

    [Test]
    public void The_oracle_runs_glibc_2_36()
    {
        Assert.That(RequiredOracle.Get().GlibcVersion, Is.EqualTo("2.36"));
    }

    [Test]
    public void Real_glibc_prints_the_pinned_lines_for_a_hand_written_trace()
    {
        var file = WorkFile("tiny-real.rep");
        File.WriteAllText(file, TinyTrace);

        Assert.That(RequiredOracle.Get().Replay(file), Is.EqualTo(TinyTraceOnRealGlibc));
    }

    [Test]
    public void Engine_matches_real_glibc_on_the_hand_written_trace()
    {
        var file = WorkFile("tiny-engine.rep");
        File.WriteAllText(file, TinyTrace);

        AssertEngineMatchesGlibc(TraceParser.Parse(new StringReader(TinyTrace), file), file, "the hand-written trace");
    }

    [Test]
    public void Engine_matches_real_glibc_on_a_trace_in_CMU_s_conventions()
    {
        var file = WorkFile("cmu-style.rep");
        File.WriteAllText(file, CmuStyleTrace);

        AssertEngineMatchesGlibc(TraceParser.Parse(new StringReader(CmuStyleTrace), file), file, "the CMU-style trace");
    }

    [Test]
    public void Engine_matches_real_glibc_when_the_binmap_scan_skips_empty_bins()
    {
        var file = WorkFile("binmap-engine.rep");
        File.WriteAllText(file, BinmapTrace);

        AssertEngineMatchesGlibc(TraceParser.Parse(new StringReader(BinmapTrace), file), file, "the binmap trace");
    }

    [TestCaseSource(nameof(GeneratedTraces))]
    public void Engine_matches_real_glibc(TraceProfile profile, ulong seed)
    {
        var trace = TraceGenerator.Generate(profile, seed, OperationsPerTrace);
        var file = WorkFile(string.Create(CultureInfo.InvariantCulture, $"{profile}-seed{seed}-{OperationsPerTrace}ops.rep"));
        TraceWriter.WriteFile(trace, file);

        AssertEngineMatchesGlibc(trace, file, string.Create(CultureInfo.InvariantCulture, $"profile {profile}, seed {seed}"));
    }

    private static void AssertEngineMatchesGlibc(Trace trace, string traceFile, string what)
    {
        var oracle = RequiredOracle.Get();
        var expected = oracle.Replay(traceFile);
        Assert.That(expected, Has.Count.EqualTo(trace.Operations.Count), $"real glibc printed one line per operation of {traceFile}");

        var (actual, failure) = ReplayOnEngine(trace);
        var index = ChunksDivergence.FirstDifference(expected, actual);
        if (index < 0 && failure is null)
        {
            File.Delete(traceFile);
            return;
        }

        index = index < 0 ? actual.Count : index;
        File.WriteAllLines(Path.ChangeExtension(traceFile, ".glibc.chunks"), expected);
        File.WriteAllLines(Path.ChangeExtension(traceFile, ".engine.chunks"), actual);
        var engineMissing = failure is null ? "(no line)" : $"(threw {failure.GetType().Name}: {failure.Message})";
        var op = index < trace.Operations.Count ? trace.Operations[index].ToString() : "(none)";
        Assert.Fail(
            $"The engine diverges from the real glibc ({what}) at chunks line {index + 1} (operation {index}: '{op}', " +
            $"line {index + 5} of the trace).\n" +
            $"Trace: {traceFile}\n" +
            $"Reproduce: {oracle.ExecutablePath} {traceFile}\n" +
            ChunksDivergence.Excerpt("real glibc " + oracle.GlibcVersion, expected, index, ContextLines, "(no line)") +
            ChunksDivergence.Excerpt("engine", actual, index, ContextLines, engineMissing) +
            (failure is null ? string.Empty : $"Engine exception:\n{failure}\n"));
    }

    private static (List<string> Lines, Exception? Failure) ReplayOnEngine(Trace trace)
    {
        var lines = new List<string>(trace.Operations.Count);
        var replayer = new TraceReplayer(trace, GlibcMalloc.Factory);
        try
        {
            foreach (var step in replayer.Run())
            {
                lines.Add(ChunksFormat.Format(step, replayer.InitialBreak));
            }

            return (lines, null);
        }
        catch (Exception e) when (e is not AssertionException)
        {
            return (lines, e);
        }
    }

    private static string WorkFile(string name)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "glibc-differential");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
