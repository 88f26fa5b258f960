using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;
using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Task 5: realloc keeps contents up to min(old, new) on every path (shrink, grow, heap to mmap and back, NULL and 0);
// calloc zeroes, also memory it reuses, and refuses products that overflow.
public class ReallocCallocTests
{
    [TestCase(100UL, 50UL)]
    [TestCase(100UL, 100UL)]
    [TestCase(100UL, 200UL)]
    [TestCase(100UL, 5000UL)]
    [TestCase(1000UL, 131048UL)]
    [TestCase(131048UL, 131049UL)]
    [TestCase(100UL, 200000UL)]
    [TestCase(200000UL, 300000UL)]
    [TestCase(300000UL, 200000UL)]
    [TestCase(200000UL, 100UL)]
    [TestCase(200000UL, 2UL << 20)]
    [Task(5)]
    public void Realloc_keeps_the_contents_on_every_path(ulong from, ulong to)
    {
        var process = new GradedProcess();
        var p = process.Malloc(from);
        process.Malloc(24);

        // GradedProcess checks the kept bytes, the new block's header, and that a size reaching the threshold is mapped.
        var q = process.Realloc(p, to);

        Assert.That(q, Is.Not.Zero, $"realloc(p, {to}) returned NULL");
    }

    [Test]
    [Task(5)]
    public void Realloc_grows_the_last_block_and_a_block_before_a_free_one()
    {
        var process = new GradedProcess();
        var a = process.Malloc(1000);
        var b = process.Malloc(1000);
        var c = process.Malloc(1000);
        process.Free(b);

        process.Realloc(a, 1800);
        process.Realloc(c, 9000);

        process.CheckEverything("after growing two blocks");
    }

    [Test]
    [Task(5)]
    public void Realloc_of_null_is_malloc()
    {
        var process = new GradedProcess();

        var small = process.Realloc(0, 64);
        var big = process.Realloc(0, 300000);

        Assert.That(small, Is.Not.Zero, "realloc(NULL, 64) must behave as malloc(64)");
        Assert.That(big, Is.Not.Zero, "realloc(NULL, 300000) must behave as malloc(300000)");
    }

    [Test]
    [Task(5)]
    public void Realloc_to_zero_frees_heap_and_mapped_blocks()
    {
        var process = new GradedProcess();
        var small = process.Malloc(64);
        var big = process.Malloc(300000);

        Assert.That(process.Realloc(small, 0), Is.Zero);
        Assert.That(process.Realloc(big, 0), Is.Zero);
        Assert.That(process.Memory.Mappings.Count(m => m.Kind == VmaKind.Anonymous), Is.Zero, "realloc(big, 0) must unmap the big block");
    }

    [TestCase(1UL << 62)]
    [TestCase(1UL << 63)]
    [Task(5)]
    public void A_realloc_that_cannot_be_served_returns_null_and_keeps_the_old_block(ulong size)
    {
        var process = new GradedProcess();
        var small = process.Malloc(300);
        var big = process.Malloc(300000);

        Assert.That(process.Realloc(small, size), Is.Zero, $"realloc(p, {size}) cannot be served: it must return NULL");
        Assert.That(process.Realloc(big, size), Is.Zero, $"realloc(big, {size}) cannot be served: it must return NULL");
        process.CheckEverything("after the failed reallocs (the old blocks must be untouched)");
    }

    // The last block of a heap that cannot grow: growing it in place would need the break to move, which brk refuses, so
    // realloc moves it or returns NULL, and every block (the old one included) stays intact.
    [Test]
    [Task(5)]
    public void Realloc_of_the_last_block_of_a_heap_that_cannot_grow_returns_null_or_moves_it_intact()
    {
        var cramped = AddressSpaceLayout.X86_64 with { LibcDataStart = AddressSpaceLayout.X86_64.HeapStart + (256 * Rules.KiB) };
        var process = new GradedProcess(cramped) { CheckSyscallRules = false };
        var blocks = new List<ulong>();
        for (var p = process.Malloc(60000); p != 0 && blocks.Count < 8; p = process.Malloc(60000))
        {
            blocks.Add(p);
        }

        Assert.That(blocks, Is.Not.Empty, "the heap has room for a 60000-byte block before brk refuses");
        process.Realloc(blocks[^1], 120000);

        process.CheckEverything("after realloc(last block, 120000) on a heap that cannot grow (brk refuses: return NULL and keep the block, or move it)");
    }

    [Test]
    [Task(5)]
    public void Calloc_zeroes_memory_it_reuses()
    {
        var process = new GradedProcess();
        var dirty = Enumerable.Range(0, 200).Select(i => process.Malloc((ulong)(i * 40) + 8)).ToList();
        process.Malloc(16);
        process.FreeAll(dirty);

        // Every calloc is checked for zeros before the grader writes into it.
        for (var i = 0UL; i < 200; i++)
        {
            process.Calloc(i + 1, 40);
        }
    }

    [TestCase(0UL, 8UL)]
    [TestCase(8UL, 0UL)]
    [TestCase(1UL, 131049UL)]
    [TestCase(3UL, 100000UL)]
    [Task(5)]
    public void Calloc_serves_what_malloc_would_and_zeroes_it(ulong count, ulong size)
    {
        var process = new GradedProcess();

        var p = process.Calloc(count, size);

        Assert.That(p, Is.Not.Zero, $"calloc({count}, {size}) returned NULL: it must serve what malloc({count * size}) would");
    }

    [TestCase(1UL << 32, 1UL << 32)]
    [TestCase(ulong.MaxValue, 2UL)]
    [TestCase(2UL, 1UL << 62)]
    [TestCase(3UL, 6148914691236517206UL)]
    [Task(5)]
    public void Calloc_refuses_a_product_that_overflows(ulong count, ulong size)
    {
        var process = new GradedProcess();
        process.Malloc(10);
        var breakBefore = process.Break;

        var p = process.Calloc(count, size);

        Assert.That(p, Is.Zero, $"calloc({count}, {size}): the product does not fit in 64 bits (or exceeds PTRDIFF_MAX), so calloc must return NULL");
        Assert.That(process.Break, Is.EqualTo(breakBefore), "a refused calloc must not grow the heap");
    }

    [TestCase(11UL)]
    [TestCase(12UL)]
    [TestCase(13UL)]
    [Task(5)]
    public void Random_programs_with_realloc_and_calloc_keep_every_block_intact(ulong seed)
    {
        var process = new GradedProcess();

        ProgramRunner.Run(process, RandomPrograms.Generate(RandomPrograms.Profile.Realloc, seed, 1500, slots: 60));
    }
}
