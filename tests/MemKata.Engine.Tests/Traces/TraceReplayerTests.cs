using MemKata.Engine.Libc;
using MemKata.Engine.Memory;
using MemKata.Engine.Traces;

namespace MemKata.Engine.Tests.Traces;

public class TraceReplayerTests
{
    private static TraceReader Reader(string text) => new(new StringReader(text), "t.rep");

    [Test]
    public void Each_step_carries_its_whole_record()
    {
        var replayer = new TraceReplayer(Reader("0\n1\n3\n1\na 0 24\nr 0 5000\nf 0\n"), GlibcMalloc.Factory, recordSyscalls: true);
        var steps = replayer.Run().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(steps[0].PointerBefore, Is.Zero);
            Assert.That(steps[0].BreakBefore, Is.EqualTo(replayer.InitialBreak));
            Assert.That(steps[0].Syscalls.Select(s => s.Kind), Is.EqualTo(new[] { SyscallKind.Brk }));
            Assert.That(steps[1].PointerBefore, Is.EqualTo(steps[0].Pointer));
            Assert.That(steps[1].ChunkSizeBefore, Is.EqualTo(32));
            Assert.That(steps[1].Pointer, Is.EqualTo(steps[0].Pointer), "realloc to 5000 grows into the top chunk");
            Assert.That(steps[1].ChunkSize, Is.EqualTo(5008));
            Assert.That(steps[2].PointerBefore, Is.EqualTo(steps[1].Pointer));
            Assert.That(steps[2].ChunkSizeBefore, Is.EqualTo(steps[1].ChunkSize));
            Assert.That(steps[2].Syscalls, Is.Empty);
        });
    }

    [Test]
    public void The_summary_adds_up_the_run()
    {
        var replayer = new TraceReplayer(Reader("0\n2\n3\n1\na 0 24\na 1 200000\nf 1\n"), GlibcMalloc.Factory, recordSyscalls: true);
        replayer.Run().ToList();

        var summary = replayer.Summarize();

        Assert.Multiple(() =>
        {
            Assert.That((summary.OperationsRun, summary.Mallocs, summary.Frees), Is.EqualTo((3, 2, 1)));
            Assert.That(summary.PeakHeapBytes, Is.EqualTo(0x21000UL));
            Assert.That(summary.PeakMmappedBytes, Is.EqualTo(200704UL));
            Assert.That(summary.Syscalls.Single(s => s.Kind == SyscallKind.Munmap).Calls, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_header_declaring_two_billion_ids_costs_only_the_ids_used()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var replayer = new TraceReplayer(Reader("0\n2147483647\n2\n1\na 2147483646 8\nf 2147483646\n"), GlibcMalloc.Factory);
        var steps = replayer.Run().ToList();

        Assert.That(steps[1].PointerBefore, Is.EqualTo(steps[0].Pointer));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(64L << 20));
    }

    [Test]
    public void The_NULL_id_frees_nothing_and_its_realloc_is_a_malloc_no_id_holds()
    {
        var replayer = new TraceReplayer(Reader("0\n1\n4\n1\na 0 24\nf -1\nr -1 24\nf -1\n"), GlibcMalloc.Factory);
        var steps = replayer.Run().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(steps[1].PointerBefore, Is.Zero, "free(NULL)");
            Assert.That(steps[2].PointerBefore, Is.Zero, "realloc(NULL, 24)");
            Assert.That(steps[2].Pointer, Is.EqualTo(steps[0].Pointer + 32), "a new chunk after block 0's");
            Assert.That(steps[3].PointerBefore, Is.Zero, "the NULL id still holds nothing");
            Assert.That(replayer.PointerOf(TraceOperation.NullId), Is.Zero);
            Assert.That(replayer.PointerOf(0), Is.EqualTo(steps[0].Pointer), "block 0 untouched");
        });
    }

    [Test]
    public void A_heap_corruption_becomes_a_crash_record()
    {
        var trace = new Trace("t.rep", 0, 1, 1, [new TraceOperation(TraceOperationKind.Allocate, 0, 24, 5), new TraceOperation(TraceOperationKind.Free, 0, 0, 6)]);
        var replayer = new TraceReplayer(trace, memory => new FreeTwice(GlibcMalloc.Factory(memory)));

        while (replayer.TryStep(out _))
        {
        }

        Assert.Multiple(() =>
        {
            Assert.That(replayer.Crash?.Kind, Is.EqualTo(ReplayCrashKind.Abort));
            Assert.That(replayer.Crash?.Index, Is.EqualTo(1));
            Assert.That(replayer.Crash?.Message, Does.Contain("double free"));
            Assert.That(replayer.OperationsRun, Is.EqualTo(1));
        });
    }

    // Frees every block twice, as a buggy program would.
    private sealed class FreeTwice(MemKata.Contracts.IAllocator inner) : MemKata.Contracts.IAllocator
    {
        public ulong Malloc(ulong size) => inner.Malloc(size);

        public ulong Calloc(ulong count, ulong size) => inner.Calloc(count, size);

        public ulong Realloc(ulong pointer, ulong size) => inner.Realloc(pointer, size);

        public void Free(ulong pointer)
        {
            inner.Free(pointer);
            inner.Free(pointer);
        }
    }
}
