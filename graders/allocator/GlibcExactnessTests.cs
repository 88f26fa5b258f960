using MemKata.Engine.Libc;
using MemKata.Engine.Traces;
using MemKata.Graders.Shared;
using MemKata.Oracle.Traces;
using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Level 7, optional (task 7 weighs 0 in grader.json: shown, not scored): the learner's allocator against the engine's
// glibc 2.36 malloc on the same traces, line for line in the chunks format (offset from the initial break, chunk size,
// break after each op).
public class GlibcExactnessTests
{
    // The engine's own generator: its traces are the ones the differential suite replays through the real glibc.
    [TestCase(TraceProfile.SmallReuse, 701UL)]
    [TestCase(TraceProfile.Coalescing, 702UL)]
    [TestCase(TraceProfile.Mixed, 703UL)]
    [Task(7)]
    public void Chunks_output_is_identical_to_glibc(TraceProfile profile, ulong seed)
    {
        var trace = TraceGenerator.Generate(profile, seed, 600);

        var expected = Replay(trace, GlibcMalloc.Factory);
        var actual = Replay(trace, memory => Subject.Create(memory));

        if (EventDiff.FirstDivergence(expected, actual) >= 0)
        {
            Assert.Fail(EventDiff.Explain(
                $"Level 7: on the trace '{trace.Source}' your allocator's chunks differ from glibc 2.36's. Each line is: index, op, id, size -> offset from the initial break (or MMAP), chunk size, break offset after the op.",
                expected,
                actual,
                "glibc",
                "yours"));
        }
    }

    private static List<string> Replay(Trace trace, MemKata.Engine.AllocatorFactory factory)
    {
        var replayer = new TraceReplayer(trace, factory);
        var lines = new List<string>();
        foreach (var step in replayer.Run())
        {
            lines.Add(ChunksFormat.Format(step, replayer.InitialBreak));
        }

        return lines;
    }
}
