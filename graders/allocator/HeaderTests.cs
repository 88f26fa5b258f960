using MemKata.Testing;

namespace MemKata.Graders.Allocator;

// Task 1: the 16-byte header, the size word at p - 8, alignment, malloc(0). GradedProcess checks every block it is handed.
public class HeaderTests
{
    [TestCase(0UL, 64UL)]
    [TestCase(64UL, 1100UL)]
    [TestCase(1100UL, 131048UL)]
    [Task(1)]
    public void Every_size_gets_an_aligned_block_with_a_truthful_size_word(ulong from, ulong to)
    {
        var process = new GradedProcess();
        var step = Math.Max(1, (to - from) / 300);

        for (var size = from; size <= to; size += step)
        {
            var p = process.Malloc(size);
            Assert.That(p, Is.Not.Zero, $"malloc({size}) returned NULL");
        }

        process.CheckEverything("after all the mallocs");
    }

    [TestCase(7UL, 8UL, 9UL)]
    [TestCase(23UL, 24UL, 25UL)]
    [TestCase(39UL, 40UL, 41UL)]
    [Task(1)]
    public void Sizes_around_a_16_byte_boundary_fit_their_chunks(ulong a, ulong b, ulong c)
    {
        var process = new GradedProcess();

        foreach (var size in new[] { a, b, c, a, b, c })
        {
            process.Malloc(size);
        }

        process.CheckEverything("after the mallocs");
    }

    [Test]
    [Task(1)]
    public void Malloc_of_zero_returns_a_distinct_minimum_block_every_time()
    {
        var process = new GradedProcess();
        var pointers = new HashSet<ulong>();

        for (var i = 0; i < 100; i++)
        {
            var p = process.Malloc(0);
            Assert.That(p, Is.Not.Zero, "malloc(0) returned NULL: glibc returns a unique minimum-sized block");
            Assert.That(pointers.Add(p), Is.True, $"malloc(0) returned 0x{p:x} a second time: each call gets a block of its own");
        }
    }

    [Test]
    [Task(1)]
    public void Hundreds_of_blocks_in_use_keep_their_bytes_and_headers()
    {
        var process = new GradedProcess();

        for (var i = 0UL; i < 600; i++)
        {
            process.Malloc((i * 37) % 3000);
        }

        process.CheckEverything("after 600 mallocs");
    }
}
