using MemKata.Engine.Libc;
using MemKata.Engine.Traces;
using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Level 7, optional (bonus points, grader.json): the learner's allocator against the engine's glibc 2.36 malloc on the
// same traces, line for line in the chunks format (offset from the initial break, chunk size, break after each op).
[Category("Bonus")]
public class GlibcExactnessTests
{
    [TestCase("small", 501UL)]
    [TestCase("mixed", 502UL)]
    [TestCase("realloc", 503UL)]
    [Task(7)]
    public void Chunks_output_is_identical_to_glibc(string profile, ulong seed)
    {
        var kind = Enum.Parse<RandomPrograms.Profile>(profile, ignoreCase: true);
        var trace = ToTrace($"{profile}-{seed}", RandomPrograms.Generate(kind, seed, 600, slots: 40));

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

    // calloc is not a trace operation: it becomes the malloc of the same size.
    private static Trace ToTrace(string name, IReadOnlyList<GraderOperation> program)
    {
        var operations = program.Select((op, i) => new TraceOperation(
            op.Kind switch
            {
                GraderOperationKind.Realloc => TraceOperationKind.Reallocate,
                GraderOperationKind.Free => TraceOperationKind.Free,
                _ => TraceOperationKind.Allocate,
            },
            op.Id,
            op.Kind == GraderOperationKind.Calloc ? op.Size * op.Count : op.Size,
            i + 5)).ToList();
        return new Trace(name, 0, program.Max(op => op.Id) + 1, 1, operations);
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
