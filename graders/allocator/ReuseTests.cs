using MemKata.Contracts;
using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Task 3: free keeps blocks for reuse, adjacent free blocks merge, and a double free never hands one block out twice.
public class ReuseTests
{
    [Test]
    [Task(3)]
    public void Free_of_null_does_nothing()
    {
        var process = new GradedProcess();
        process.Malloc(100);
        var calls = process.SyscallsSoFar;

        process.Free(0);

        Assert.That(process.SyscallsSoFar, Is.EqualTo(calls), "free(NULL) made a system call");
    }

    [TestCase(16UL)]
    [TestCase(1000UL)]
    [TestCase(60000UL)]
    [TestCase(131048UL)]
    [Task(3)]
    public void A_freed_block_is_reused_by_the_same_size_without_growing_the_heap(ulong size)
    {
        var process = new GradedProcess();
        var p = process.Malloc(size);
        process.Malloc(16);
        process.Free(p);
        var breakAfterFree = process.Break;

        for (var i = 0; i < 200; i++)
        {
            var q = process.Malloc(size);
            Assert.That(process.Break, Is.LessThanOrEqualTo(breakAfterFree), $"round {i}: malloc({size}) grew the heap although a freed block of that size was available");
            process.Free(q);
        }
    }

    [TestCase(100UL, 60UL)]
    [TestCase(4000UL, 1000UL)]
    [Task(3)]
    public void Freed_blocks_are_reused_before_the_heap_grows_much(ulong size, ulong smaller)
    {
        var process = new GradedProcess();
        var blocks = Enumerable.Range(0, (int)(1_000_000 / size)).Select(_ => process.Malloc(size)).ToList();
        for (var i = 0; i < blocks.Count; i += 2)
        {
            process.Free(blocks[i]);
        }

        var breakBefore = process.Break;
        for (var i = 0; i < blocks.Count; i += 2)
        {
            process.Malloc(smaller);
        }

        var growth = process.Break - breakBefore;
        Assert.That(growth, Is.LessThanOrEqualTo(Rules.MaxGrowthBeyondRequest), $"{blocks.Count / 2} freed {size}-byte blocks were available, yet as many malloc({smaller}) grew the heap by {growth} bytes: reuse freed blocks for requests of the same or a smaller size");
    }

    [Test]
    [Task(3)]
    public void Adjacent_free_blocks_merge_into_one_that_serves_a_bigger_request()
    {
        var process = new GradedProcess();
        var run = Enumerable.Range(0, 1000).Select(_ => process.Malloc(100)).ToList();
        process.Malloc(100);

        // Use up the free space at the end of the heap, so only the run (once freed) can serve the request below.
        for (var i = 0; i < 20 && process.FreeTail > 1024; i++)
        {
            process.Malloc(Math.Min(process.FreeTail - 256, Rules.LargestHeapRequest));
        }

        foreach (var p in run.OrderBy(p => (p * 2654435761UL) % 1000))
        {
            process.Free(p);
        }

        var breakBefore = process.Break;
        process.Malloc(90000);

        Assert.That(process.Break, Is.EqualTo(breakBefore), "1000 adjacent blocks of 100 bytes (over 100 KiB together) were freed, yet malloc(90000) grew the heap: adjacent free blocks must merge (coalesce) so that bigger requests can use them");
    }

    [TestCase(false)]
    [TestCase(true)]
    [Task(3)]
    public void A_double_free_is_detected_or_harmless_but_never_hands_a_block_out_twice(bool lastBlock)
    {
        var process = new GradedProcess();
        var a = process.Malloc(100);
        var b = process.Malloc(100);
        var victim = lastBlock ? b : a;
        process.Free(victim);

        try
        {
            process.Allocator.Free(victim);
        }
        catch (HeapCorruptionException)
        {
            // Detected, as glibc does ("free(): double free detected in tcache 2"): the program would abort here.
        }

        var first = process.Malloc(100);
        var second = process.Malloc(100);

        Assert.That(second, Is.Not.EqualTo(first), $"after a double free of 0x{victim:x}, two mallocs returned the same block 0x{first:x}: detect the double free (throw HeapCorruptionException) or ignore it safely");
        process.CheckEverything("after the double free and two mallocs");
    }

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    [Task(3)]
    public void Random_small_programs_keep_every_block_intact(ulong seed)
    {
        var process = new GradedProcess();

        ProgramRunner.Run(process, RandomPrograms.Generate(RandomPrograms.Profile.Small, seed, 2500, slots: 300));
    }
}
