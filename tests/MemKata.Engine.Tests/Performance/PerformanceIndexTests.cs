using MemKata.Contracts;
using MemKata.Engine.Performance;
using MemKata.Engine.Traces;

namespace MemKata.Engine.Tests.Performance;

public class PerformanceIndexTests
{
    private static readonly WorkCounts SomeWork = new(1000, 0, 2, 10);

    [Test]
    public void The_baseline_scores_exactly_100()
    {
        var m = new TraceMeasurement("t", 600, 1000, SomeWork, null);

        Assert.That(PerformanceIndex.Overall([m, m], [m, m]), Is.EqualTo(100));
    }

    [Test]
    public void Utilization_weighs_60_and_cost_40_each_capped_at_the_baseline()
    {
        var baseline = new TraceMeasurement("t", 600, 1000, SomeWork, null);
        var halfUtilization = baseline with { PeakFootprint = 2000 };
        var twiceTheCost = baseline with { Work = SomeWork with { Accesses = SomeWork.Accesses + SomeWork.Cost } };
        var better = new TraceMeasurement("t", 600, 700, new WorkCounts(1, 0, 0, 0), null);

        Assert.That(PerformanceIndex.TraceScore(halfUtilization, baseline), Is.EqualTo(70).Within(1e-9));
        Assert.That(PerformanceIndex.TraceScore(twiceTheCost, baseline), Is.EqualTo(80).Within(1e-9));
        Assert.That(PerformanceIndex.TraceScore(better, baseline), Is.EqualTo(100), "better than the baseline is full marks, not more");
    }

    [Test]
    public void A_failed_trace_scores_0()
    {
        var baseline = new TraceMeasurement("t", 600, 1000, SomeWork, null);

        Assert.That(PerformanceIndex.TraceScore(baseline with { Failure = "died" }, baseline), Is.Zero);
    }

    [Test]
    public void A_trace_is_measured_the_same_every_time()
    {
        var trace = Parse("a 0 100\na 1 20000\na 2 5000\nf 0\nr 2 9000\nf 1\nf 2\n");

        var first = TraceMeasurement.Measure(trace, memory => new BumpAllocator(memory));
        var second = TraceMeasurement.Measure(trace, memory => new BumpAllocator(memory));

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Failure, Is.Null);
        Assert.That(first.PeakPayload, Is.EqualTo(20000UL + 9000), "the peak: 20000 and 9000 bytes live after the realloc");
        Assert.That(first.PeakFootprint, Is.EqualTo(64UL * 1024), "one growth of 64 KiB");
        Assert.That(first.Work.Syscalls, Is.EqualTo(1));
    }

    [Test]
    public void A_one_byte_block_keeps_its_byte()
    {
        var measured = TraceMeasurement.Measure(Parse("a 0 1\na 1 1\nr 0 1\nf 0\nf 1\n"), memory => new BumpAllocator(memory));

        Assert.That(measured.Failure, Is.Null, "a 1-byte block has one byte to stamp, not two");
    }

    [Test]
    public void An_allocator_that_hands_out_overlapping_blocks_fails_the_trace()
    {
        var trace = Parse("a 0 64\na 1 64\nf 0\nf 1\n");

        var measured = TraceMeasurement.Measure(trace, memory => new OneBlockAllocator(memory));

        Assert.That(measured.Failure, Does.Contain("overlaps another live block").And.Contain("a 1 64"));
        Assert.That(measured.Utilization, Is.Zero);
    }

    [Test]
    public void An_allocator_that_changes_a_live_block_s_size_word_fails_the_trace_at_its_free()
    {
        var trace = Parse("a 0 100\na 1 100\nf 0\nf 1\n");

        var measured = TraceMeasurement.Measure(trace, memory => new SizeWordClobberingAllocator(memory));

        Assert.That(measured.Failure, Does.StartWith("operation 'f 0' (line 7): the block at 0x")
            .And.Contain("(block 0) had its size word changed while in use: 0x70 when handed out, 0x20 now"));
    }

    [Test]
    public void The_block_of_realloc_of_NULL_stays_live_to_the_end_and_free_of_NULL_frees_nothing()
    {
        var measured = TraceMeasurement.Measure(Parse("a 0 100\nr -1 5000\nf -1\nf 0\na 1 200\n"), memory => new BumpAllocator(memory));

        Assert.That(measured.Failure, Is.Null);
        Assert.That(measured.PeakPayload, Is.EqualTo(5000UL + 200), "block 0 freed; realloc(NULL, 5000)'s block, held by no id, still live");
    }

    private static Trace Parse(string operations)
    {
        var lines = operations.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var reader = new StringReader($"0\n3\n{lines.Length}\n1\n{operations}");
        return TraceParser.Parse(reader, "test.rep");
    }

    // Carves blocks from one 64 KiB growth and never reuses them: wasteful, but correct on a small trace.
    private sealed class BumpAllocator(IProcessMemory memory) : IAllocator
    {
        private ulong _next;

        public ulong Malloc(ulong size)
        {
            if (_next == 0)
            {
                _next = memory.Sbrk(64 * 1024);
            }

            var chunk = _next;
            var chunkSize = (size + 8 + 15) & ~15UL;
            memory.WriteWord(chunk + 8, chunkSize | 1);
            _next += chunkSize;
            return chunk + 16;
        }

        public void Free(ulong pointer)
        {
        }

        public ulong Realloc(ulong pointer, ulong size)
        {
            if (pointer == 0)
            {
                return Malloc(size);
            }

            var moved = Malloc(size);
            memory.Copy(moved, pointer, Math.Min(size, (memory.ReadWord(pointer - 8) & ~7UL) - 8));
            return moved;
        }

        public ulong Calloc(ulong count, ulong size) => Malloc(count * size);
    }

    // Returns the same block every time: a broken allocator.
    private sealed class OneBlockAllocator(IProcessMemory memory) : IAllocator
    {
        private ulong _block;

        public ulong Malloc(ulong size)
        {
            if (_block == 0)
            {
                var heap = memory.Sbrk(4096);
                memory.WriteWord(heap + 8, 4096 | 1);
                _block = heap + 16;
            }

            return _block;
        }

        public void Free(ulong pointer)
        {
        }

        public ulong Realloc(ulong pointer, ulong size) => pointer;

        public ulong Calloc(ulong count, ulong size) => Malloc(count * size);
    }

    // Writes over the size word of the block before each new one, as a split of a block still in use would.
    private sealed class SizeWordClobberingAllocator(IProcessMemory memory) : IAllocator
    {
        private readonly BumpAllocator _bump = new(memory);
        private ulong _last;

        public ulong Malloc(ulong size)
        {
            var pointer = _bump.Malloc(size);
            if (_last != 0)
            {
                memory.WriteWord(_last - 8, 32 | 1);
            }

            _last = pointer;
            return pointer;
        }

        public void Free(ulong pointer) => _bump.Free(pointer);

        public ulong Realloc(ulong pointer, ulong size) => _bump.Realloc(pointer, size);

        public ulong Calloc(ulong count, ulong size) => Malloc(count * size);
    }
}
