using MemKata.Engine.Libc;

namespace MemKata.Engine.Tests.Libc;

// The numbers asserted here are what glibc 2.36 printed on this machine for the same calls (replayed with the C harness
// of MemKata.Oracle); GlibcDifferentialTests checks the same agreement on thousands of random operations.
public class GlibcMallocTests
{
    [Test]
    public void First_malloc_grows_the_heap_by_132_KiB_after_the_tcache_struct()
    {
        var heap = new TestHeap();

        var p = heap.Malloc.Malloc(1);

        Assert.That(heap.Break, Is.EqualTo(0x21000), "request (0x290 tcache struct) + 128 KiB top pad + MINSIZE, rounded to pages");
        Assert.That(heap.Offset(heap.Malloc.TcacheAddress), Is.EqualTo(0x10), "the tcache struct is the heap's first chunk");
        Assert.That(heap.Offset(p), Is.EqualTo(0x2a0));
        Assert.That(heap.ChunkSize(p), Is.EqualTo(32UL));
    }

    [Test]
    public void The_mmap_threshold_applies_only_when_the_top_chunk_cannot_serve_the_request()
    {
        var heap = new TestHeap();

        var fromTop = heap.Malloc.Malloc(131049);

        Assert.That(heap.IsMmapped(fromTop), Is.False, "the first growth left 0x20d70 bytes of top: enough for 0x20000");
        Assert.That(heap.Break, Is.EqualTo(0x21000));
    }

    [TestCase(131048UL, false)]
    [TestCase(131049UL, true)]
    public void Requests_whose_chunk_reaches_128_KiB_are_mmapped_once_top_is_used_up(ulong request, bool mmapped)
    {
        var heap = new TestHeap();
        heap.Malloc.Malloc(131048);

        var p = heap.Malloc.Malloc(request);

        Assert.That(heap.IsMmapped(p), Is.EqualTo(mmapped));
    }

    [Test]
    public void Freeing_an_mmapped_chunk_raises_the_mmap_and_trim_thresholds()
    {
        var heap = new TestHeap();
        heap.Malloc.Malloc(1);
        var big = heap.Malloc.Malloc(200000);
        Assert.That(heap.IsMmapped(big), Is.True);

        heap.Malloc.Free(big);

        Assert.That(heap.Malloc.Tunables.MmapThreshold, Is.EqualTo(200704UL));
        Assert.That(heap.Malloc.Tunables.TrimThreshold, Is.EqualTo(2 * 200704UL));
        var again = heap.Malloc.Malloc(200000);
        Assert.That(heap.IsMmapped(again), Is.False, "the same request now comes from the heap");
    }

    [Test]
    public void Mallopt_mmap_threshold_stops_the_dynamic_threshold()
    {
        var heap = new TestHeap();
        Assert.That(heap.Malloc.Mallopt(MallocParameter.MmapThreshold, 64 * 1024), Is.EqualTo(1));
        heap.Malloc.Malloc(1);
        heap.Malloc.Malloc(120000);

        var p = heap.Malloc.Malloc(70000);
        Assert.That(heap.IsMmapped(p), Is.True, "70000 is above the new 64 KiB threshold and top is too small");
        heap.Malloc.Free(p);

        Assert.That(heap.Malloc.Tunables.MmapThreshold, Is.EqualTo(64 * 1024UL));
        Assert.That(heap.IsMmapped(heap.Malloc.Malloc(70000)), Is.True, "no dynamic raise after mallopt");
    }

    [Test]
    public void Mallopt_refuses_a_max_fast_above_160()
    {
        var heap = new TestHeap();

        Assert.That(heap.Malloc.Mallopt(MallocParameter.MaxFast, 161), Is.Zero);
        Assert.That(heap.Malloc.Mallopt(MallocParameter.MaxFast, 160), Is.EqualTo(1));
    }

    [Test]
    public void Freeing_from_the_top_trims_the_heap_past_the_trim_threshold()
    {
        var heap = new TestHeap();
        heap.Malloc.Malloc(1);
        var a = heap.Malloc.Malloc(100000);
        var b = heap.Malloc.Malloc(100000);
        var c = heap.Malloc.Malloc(100000);
        Assert.That(heap.Break, Is.EqualTo(335872));

        heap.Malloc.Free(c);
        Assert.That(heap.Break, Is.EqualTo(335872), "top is below the 128 KiB trim threshold");
        heap.Malloc.Free(b);
        Assert.That(heap.Break, Is.EqualTo(233472), "trimmed back to the 128 KiB top pad");
        heap.Malloc.Free(a);
        Assert.That(heap.Break, Is.EqualTo(135168));
    }

    [Test]
    public void Tcache_hands_back_the_last_freed_chunk_of_a_size()
    {
        var heap = new TestHeap();
        var a = heap.Malloc.Malloc(24);
        heap.Malloc.Malloc(24);

        heap.Malloc.Free(a);

        Assert.That(heap.Malloc.TcacheChunks().Single().Chunks, Is.EqualTo(new[] { a - 16 }));
        Assert.That(heap.Malloc.Malloc(24), Is.EqualTo(a));
    }

    [Test]
    public void The_eighth_free_of_a_small_size_goes_to_a_fastbin()
    {
        var heap = new TestHeap();
        var blocks = Enumerable.Range(0, 9).Select(_ => heap.Malloc.Malloc(24)).ToList();

        foreach (var p in blocks.Take(8))
        {
            heap.Malloc.Free(p);
        }

        Assert.That(heap.Malloc.TcacheChunks().Single().Chunks, Has.Count.EqualTo(7));
        Assert.That(heap.Malloc.FastbinChunks().Single().Chunks, Is.EqualTo(new[] { blocks[7] - 16 }));
    }

    [Test]
    public void Realloc_shrinks_in_place_grows_by_moving_and_uses_mremap_for_mapped_chunks()
    {
        var heap = new TestHeap();
        var p = heap.Malloc.Malloc(100);
        heap.Memory.WriteWord(p, 0x1234);

        var shrunk = heap.Malloc.Realloc(p, 50);
        Assert.That(shrunk, Is.EqualTo(p));
        Assert.That(heap.ChunkSize(shrunk), Is.EqualTo(64UL), "the 48-byte tail was split off and freed");

        var grown = heap.Malloc.Realloc(shrunk, 5000);
        Assert.That(heap.Offset(grown), Is.EqualTo(784), "the freed tail sits in the tcache, so the block moves to the top");
        Assert.That(heap.Memory.ReadWord(grown), Is.EqualTo(0x1234UL), "contents move with the block");

        var big = heap.Malloc.Malloc(200000);
        var bigger = heap.Malloc.Realloc(big, 400000);
        Assert.That(heap.IsMmapped(bigger) && heap.ChunkSize(bigger) == 401408, Is.True);
        var small = heap.Malloc.Realloc(bigger, 100);
        Assert.That(heap.IsMmapped(small) && heap.ChunkSize(small) == 4096, Is.True, "mremap shrinks the mapping to one page");
        Assert.That(heap.Malloc.Realloc(small, 0), Is.Zero, "realloc(p, 0) frees p");
        Assert.That(heap.Malloc.Tunables.MmappedChunks, Is.Zero);
    }

    [Test]
    public void Realloc_grows_into_the_top_chunk_in_place()
    {
        var heap = new TestHeap();
        heap.Malloc.Malloc(10);
        var last = heap.Malloc.Malloc(3000);

        var grown = heap.Malloc.Realloc(last, 9000);

        Assert.That(grown, Is.EqualTo(last));
        Assert.That(heap.ChunkSize(grown), Is.EqualTo(9008UL));
    }

    [Test]
    public void Realloc_grows_into_a_free_next_chunk()
    {
        var heap = new TestHeap();
        var a = heap.Malloc.Malloc(2000);
        var b = heap.Malloc.Malloc(2000);
        heap.Malloc.Malloc(10);
        heap.Malloc.Free(b);

        var grown = heap.Malloc.Realloc(a, 3000);

        Assert.That(grown, Is.EqualTo(a));
        Assert.That(heap.ChunkSize(grown), Is.EqualTo(3008UL));
    }

    [Test]
    public void Large_bins_give_the_best_fit_and_split_it()
    {
        var heap = new TestHeap();
        var a = heap.Malloc.Malloc(2000);
        heap.Malloc.Malloc(10);
        var b = heap.Malloc.Malloc(3000);
        heap.Malloc.Malloc(10);
        var c = heap.Malloc.Malloc(2500);
        heap.Malloc.Malloc(10);
        heap.Malloc.Free(a);
        heap.Malloc.Free(b);
        heap.Malloc.Free(c);

        // Sorting the unsorted list files the three chunks into bins; the 5000-byte request comes from top.
        heap.Malloc.Malloc(5000);
        Assert.That(heap.Malloc.BinChunks().Where(bin => bin.Index > 1).SelectMany(bin => bin.Chunks), Has.Exactly(3).Items);

        Assert.That(heap.Malloc.Malloc(2400), Is.EqualTo(c), "2512-byte chunk is the best fit for 2416");
        Assert.That(heap.Malloc.Malloc(1900), Is.EqualTo(a));
    }

    [Test]
    public void Calloc_zeroes_a_reused_chunk()
    {
        var heap = new TestHeap();
        var p = heap.Malloc.Malloc(2000);
        heap.Malloc.Malloc(10);
        heap.Memory.Fill(p, 0xAB, 2000);
        heap.Malloc.Free(p);

        var q = heap.Malloc.Calloc(100, 20);

        Assert.That(q, Is.EqualTo(p));
        for (var i = 0UL; i < 2000; i += 8)
        {
            Assert.That(heap.Memory.ReadWord(q + i), Is.Zero);
        }
    }

    [Test]
    public void Calloc_refuses_a_product_that_overflows()
    {
        var heap = new TestHeap();

        Assert.That(heap.Malloc.Calloc(ulong.MaxValue / 2, 3), Is.Zero);
    }

    [TestCase(24UL, 24UL)]
    [TestCase(25UL, 40UL)]
    [TestCase(0UL, 24UL)]
    public void Usable_size_includes_the_next_chunks_prev_size_word(ulong request, ulong usable)
    {
        var heap = new TestHeap();

        Assert.That(heap.Malloc.UsableSize(heap.Malloc.Malloc(request)), Is.EqualTo(usable));
    }

    [Test]
    public void Usable_size_of_an_mmapped_chunk_is_its_size_less_the_header()
    {
        var heap = new TestHeap();

        Assert.That(heap.Malloc.UsableSize(heap.Malloc.Malloc(200000)), Is.EqualTo(200704UL - 16));
    }

    [Test]
    public void Malloc_of_more_than_PTRDIFF_MAX_fails()
    {
        var heap = new TestHeap();

        Assert.That(heap.Malloc.Malloc(ulong.MaxValue - 8), Is.Zero);
        Assert.That(heap.Malloc.Malloc((ulong)long.MaxValue + 1), Is.Zero);
    }
}
