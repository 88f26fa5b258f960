using MemKata.Contracts;
using MemKata.Engine.Memory;
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

    // A block at the end of the heap merges into the top chunk when freed: the next request must find that space
    // again. The heap may give it back and grow again (a trim pad is the learner's choice), but it must not creep up:
    // across 200 rounds it grows at most once more than the first malloc needed.
    [TestCase(16UL)]
    [TestCase(1000UL)]
    [TestCase(60000UL)]
    [TestCase(131048UL)]
    [Task(3)]
    public void A_block_freed_into_the_top_chunk_is_reused_and_the_heap_does_not_creep_up(ulong size)
    {
        var process = new GradedProcess();
        process.Malloc(64);
        process.Free(process.Malloc(size));
        var ceiling = process.Break + size + Rules.MaxGrowthBeyondRequest;

        for (var i = 0; i < 200; i++)
        {
            process.Free(process.Malloc(size));
            Assert.That(process.Break, Is.LessThanOrEqualTo(ceiling),
                $"round {i}: malloc({size}) then free, the block merging into the top chunk each time, and the break has crept up to 0x{process.Break:x}: the space a block gives back to the top chunk must serve the next request (is the top chunk's size updated when a block merges into it?)");
        }
    }

    // In a heap that cannot grow, freeing is the only way to make room: requests refused while the heap was full are
    // served again once blocks are freed.
    [Test]
    [Task(3)]
    public void In_a_heap_that_cannot_grow_freed_blocks_serve_the_next_requests()
    {
        var cramped = AddressSpaceLayout.X86_64 with { LibcDataStart = AddressSpaceLayout.X86_64.HeapStart + (256 * Rules.KiB) };
        var process = new GradedProcess(cramped) { CheckSyscallRules = false };
        var held = new List<ulong>();
        for (var p = process.Malloc(3000); p != 0 && held.Count < 200; p = process.Malloc(3000))
        {
            held.Add(p);
        }

        Assert.That(held, Has.Count.GreaterThan(10), "the cramped heap has room for dozens of 3000-byte blocks");
        process.FreeAll(held.Where((_, i) => i % 2 == 0));

        for (var i = 0; i < held.Count / 2; i++)
        {
            Assert.That(process.Malloc(3000), Is.Not.Zero, $"request {i} after freeing {(held.Count + 1) / 2} blocks of 3000 bytes in a full heap was refused: freed blocks must serve it");
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
