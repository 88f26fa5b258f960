using MemKata.Engine.Memory;
using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Task 2: the heap is created lazily, grows with sbrk by a bounded amount, and pools the extra space.
public class HeapGrowthTests
{
    [Test]
    [Task(2)]
    public void The_heap_is_created_by_the_first_malloc_not_by_the_constructor()
    {
        var process = new GradedProcess();
        var callsAfterConstructor = process.SyscallsSoFar;
        var breakAfterConstructor = process.Break;

        var p = process.Malloc(10);

        Assert.That(callsAfterConstructor, Is.Zero, "the constructor made a system call: create the heap in the first malloc that needs it");
        Assert.That(breakAfterConstructor, Is.EqualTo(process.Memory.HeapStart), "the constructor moved the program break");
        Assert.That(process.Break, Is.GreaterThan(process.Memory.HeapStart), "malloc(10) did not grow the heap");
        Assert.That(p, Is.Not.Zero);
    }

    [Test]
    [Task(2)]
    public void Small_requests_are_served_from_the_pool_without_a_system_call_each()
    {
        var process = new GradedProcess();
        process.Malloc(100);
        var calls = process.SyscallsSoFar;

        for (var i = 0; i < 200; i++)
        {
            process.Malloc(100);
        }

        Assert.That(process.SyscallsSoFar, Is.EqualTo(calls), "200 more malloc(100) made system calls: the first growth should pool enough extra space (glibc: 128 KiB) for them");
    }

    [TestCase(1UL)]
    [TestCase(5000UL)]
    [TestCase(70000UL)]
    [TestCase(131048UL)]
    [Task(2)]
    public void Each_heap_growth_is_bounded_by_the_request_plus_136_KiB(ulong size)
    {
        var process = new GradedProcess();

        for (var i = 0; i < 12; i++)
        {
            var before = process.Break;
            process.Malloc(size);
            var growth = process.Break - before;
            Assert.That(growth, Is.LessThanOrEqualTo(size + Rules.MaxGrowthBeyondRequest), $"malloc({size}) grew the heap by {growth} bytes: grow by the request plus a pad of at most 128 KiB (page rounding and headers fit in the 8 KiB slack)");
        }
    }

    [Test]
    [Task(2)]
    public void Heap_blocks_never_come_from_mmap()
    {
        var process = new GradedProcess();

        for (var size = 0UL; size <= Rules.LargestHeapRequest; size += 4099)
        {
            process.Malloc(size);
        }

        var mmaps = process.CallsSince(0).Count(c => c.Kind == SyscallKind.Mmap);
        Assert.That(mmaps, Is.Zero, "requests below the threshold made mmap calls: they come from the brk heap");
    }

    [Test]
    [Task(2)]
    public void When_the_heap_cannot_grow_malloc_returns_null_or_falls_back_without_breaking_anything()
    {
        // A layout with only 256 KiB between the heap and the C library's data: brk soon refuses to move.
        var cramped = AddressSpaceLayout.X86_64 with { LibcDataStart = AddressSpaceLayout.X86_64.HeapStart + (256 * Rules.KiB) };
        var process = new GradedProcess(cramped) { CheckSyscallRules = false };

        var served = 0;
        for (var i = 0; i < 40; i++)
        {
            served += process.Malloc(60000) != 0 ? 1 : 0;
        }

        Assert.That(served, Is.GreaterThanOrEqualTo(1), "the heap has room for a 60000-byte block before brk refuses: malloc must serve at least the first one");
        Assert.That(process.HeapBytes, Is.LessThanOrEqualTo(256 * Rules.KiB), "the heap grew into the C library's data");
        process.CheckEverything("after 40 × malloc(60000) with a heap that cannot pass 252 KiB (sbrk returns Syscall.Failed: malloc must return 0, or use another source of memory, never use the failed result)");
    }

    // Programs whose heap hits the wall again and again: every answer is NULL or a valid block (never the failed sbrk's
    // result, never a block past the break), and every block already handed out stays intact.
    [TestCase("Small", 41UL)]
    [TestCase("Mixed", 42UL)]
    [TestCase("Realloc", 43UL)]
    [Task(2)]
    public void Random_programs_on_a_heap_that_cannot_grow_keep_every_block_intact(string profile, ulong seed)
    {
        var cramped = AddressSpaceLayout.X86_64 with { LibcDataStart = AddressSpaceLayout.X86_64.HeapStart + (256 * Rules.KiB) };
        var process = new GradedProcess(cramped) { CheckSyscallRules = false };

        var served = 0;
        ProgramRunner.Run(process, RandomPrograms.Generate(Enum.Parse<RandomPrograms.Profile>(profile), seed, 1200, slots: 80), (_, op, result) =>
            served += result != 0 && op.Kind != GraderOperationKind.Free ? 1 : 0);

        Assert.That(process.HeapBytes, Is.LessThanOrEqualTo(256 * Rules.KiB), "the heap grew into the C library's data");
        Assert.That(served, Is.GreaterThanOrEqualTo(20), $"only {served} requests were served: the heap has room for dozens of these blocks before brk refuses (NULL is for requests that cannot be served)");
    }
}
