using MemKata.Engine.Memory;
using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Task 6: when free leaves more than 128 KiB free at the end of the heap, the heap shrinks with a negative sbrk, keeping
// a pad of at most 128 KiB. GradedProcess checks the free tail after every free when CheckFreeTail is on.
public class TrimTests
{
    public enum Order
    {
        Forward,
        Backward,
        Shuffled,
    }

    [TestCase(Order.Forward)]
    [TestCase(Order.Backward)]
    [TestCase(Order.Shuffled)]
    [Task(6)]
    public void Freeing_everything_in_any_order_gives_the_heap_back(Order order)
    {
        var process = new GradedProcess { CheckFreeTail = true };
        var blocks = Enumerable.Range(0, 3000).Select(i => process.Malloc(100 + ((ulong)i % 7 * 50))).ToList();
        var peak = process.HeapBytes;

        var sequence = order switch
        {
            Order.Forward => blocks,
            Order.Backward => Enumerable.Reverse(blocks).ToList(),
            _ => blocks.OrderBy(p => (p * 2654435761UL) % 3001).ToList(),
        };
        process.FreeAll(sequence);

        Assert.That(process.HeapBytes, Is.LessThanOrEqualTo(Rules.MaxFreeTail), $"the heap reached {peak} bytes and every block was freed, but {process.HeapBytes} bytes remain: trim the top with a negative sbrk");
    }

    [Test]
    [Task(6)]
    public void The_heap_shrinks_with_a_negative_sbrk_and_grows_again_when_needed()
    {
        var process = new GradedProcess { CheckFreeTail = true };
        var keep = process.Malloc(1000);
        var blocks = Enumerable.Range(0, 40).Select(_ => process.Malloc(100000)).ToList();
        var peak = process.Break;
        var calls = process.SyscallsSoFar;

        process.FreeAll(blocks);

        var shrinks = process.CallsSince(calls).Count(c => c.Kind == SyscallKind.Brk && c.Result < peak);
        Assert.That(shrinks, Is.GreaterThan(0), "freeing 4 MB at the end of the heap made no brk call that lowered the break");
        var again = Enumerable.Range(0, 40).Select(_ => process.Malloc(100000)).ToList();
        Assert.That(again, Has.None.Zero, "after trimming, the heap must grow again for new requests");
        Assert.That(keep, Is.Not.Zero);
    }

    [TestCase(21UL)]
    [TestCase(22UL)]
    [Task(6)]
    public void Random_programs_never_leave_more_than_136_KiB_free_at_the_end_of_the_heap(ulong seed)
    {
        var process = new GradedProcess { CheckFreeTail = true };

        ProgramRunner.Run(process, RandomPrograms.Generate(RandomPrograms.Profile.Mixed, seed, 1500, slots: 40));
    }

    // Whatever a program did (reuse, merges into the top chunk, realloc's moves and realloc(p, 0)), once it has freed
    // every block the heap is given back: a block leaked on the way (an old block realloc forgot to free) pins the heap.
    [TestCase("Small", 31UL)]
    [TestCase("Mixed", 32UL)]
    [TestCase("Realloc", 33UL)]
    [TestCase("Realloc", 34UL)]
    [Task(6)]
    public void After_a_random_program_freeing_every_block_gives_the_heap_back(string profile, ulong seed)
    {
        var process = new GradedProcess { CheckFreeTail = true };
        ProgramRunner.Run(process, RandomPrograms.Generate(Enum.Parse<RandomPrograms.Profile>(profile), seed, 1500, slots: 60));
        var peak = process.HeapBytes;

        process.FreeAll();

        Assert.That(process.HeapBytes, Is.LessThanOrEqualTo(Rules.MaxFreeTail),
            $"after the program every block was freed, but the heap keeps {process.HeapBytes} of its {peak} bytes: a block the program no longer holds is still in use (realloc must free the old block when it moves, realloc(p, 0) must free p), or the top is not trimmed");
    }
}
