using System.Runtime.CompilerServices;
using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;
using MemKata.Engine.Performance;
using MemKata.Engine.Traces;
using MemKata.Testing;

// The public tests: run them with `dotnet test exercises/allocator`. Each one builds a fresh simulated process and your
// Allocator over it, and names its task: [Task(2)] fails while task 2 is not done. The graders check more than this.
public class AllocatorTests
{
    private const ulong KiB = 1024;
    private const ulong SizeWordFlags = 0x7;
    private const ulong IsMmapped = 0x2;

    // ---- 1. Headers and alignment ---------------------------------------------------------------------------------

    [TestCase(1UL)]
    [TestCase(24UL)]
    [TestCase(100UL)]
    [TestCase(1000UL)]
    [Task(1)]
    public void Malloc_returns_a_16_byte_aligned_pointer(ulong request)
    {
        var (_, allocator) = NewProcess();

        var p = allocator.Malloc(request);

        Assert.That(p, Is.Not.Zero, $"malloc({request}) returned NULL");
        Assert.That(p % 16, Is.Zero, $"malloc({request}) returned 0x{p:x}, which is not a multiple of 16: every pointer must be 16-byte aligned (task 1)");
    }

    [TestCase(1UL)]
    [TestCase(24UL)]
    [TestCase(25UL)]
    [TestCase(1000UL)]
    [Task(1)]
    public void The_word_at_p_minus_8_holds_a_chunk_size_that_fits_the_request(ulong request)
    {
        var (memory, allocator) = NewProcess();

        var p = allocator.Malloc(request);

        var field = memory.ReadWord(p - 8);
        var size = field & ~SizeWordFlags;
        Assert.That(size % 16, Is.Zero, $"malloc({request}): the size word at p - 8 is 0x{field:x}; its size (flag bits cleared) must be a multiple of 16");
        Assert.That(size, Is.GreaterThanOrEqualTo(request + 8), $"malloc({request}): the size word at p - 8 says the chunk has {size} bytes, too few for {request} bytes plus the 8-byte size word");
        Assert.That(field & IsMmapped, Is.Zero, $"malloc({request}): IS_MMAPPED (0x2) is set in the size word 0x{field:x}, but a block this small comes from the heap");
    }

    [Test]
    [Task(1)]
    public void Malloc_of_zero_returns_a_unique_minimum_block()
    {
        var (_, allocator) = NewProcess();

        var first = allocator.Malloc(0);
        var second = allocator.Malloc(0);

        Assert.That(first, Is.Not.Zero, "malloc(0) returned NULL: glibc returns a unique minimum-sized block");
        Assert.That(second, Is.Not.EqualTo(first), "two calls of malloc(0) returned the same pointer: each must be a block of its own");
    }

    [Test]
    [Task(1)]
    public void Blocks_in_use_keep_their_contents()
    {
        var (memory, allocator) = NewProcess();
        ulong[] sizes = [8, 24, 100, 16, 500, 40, 1000];
        var blocks = sizes.Select(size => (Pointer: allocator.Malloc(size), Size: size)).ToList();

        foreach (var (pointer, size) in blocks)
        {
            memory.Fill(pointer, (byte)size, size);
        }

        foreach (var (pointer, size) in blocks)
        {
            for (var i = 0UL; i < size; i++)
            {
                Assert.That(memory.ReadByte(pointer + i), Is.EqualTo((byte)size), $"byte {i} of the {size}-byte block at 0x{pointer:x} changed: another block (or a header) overlaps it");
            }
        }
    }

    // ---- 2. Grow the heap with sbrk ------------------------------------------------------------------------------

    [Test]
    [Task(2)]
    public void The_first_malloc_grows_the_heap_and_returns_memory_inside_it()
    {
        var memory = new SimulatedProcessMemory();
        var allocator = new Allocator(memory);
        var callsBeforeMalloc = memory.SyscallCount;

        var p = allocator.Malloc(100);

        Assert.That(callsBeforeMalloc, Is.Zero, "the constructor made a system call: create the heap lazily, in the first malloc that needs it");
        Assert.That(memory.ProgramBreak, Is.GreaterThan(memory.HeapStart), "malloc(100) did not move the program break: small blocks come from the heap, grown with sbrk");
        Assert.That(p, Is.GreaterThanOrEqualTo(memory.HeapStart).And.LessThan(memory.ProgramBreak), $"malloc(100) returned 0x{p:x}, outside the heap [0x{memory.HeapStart:x}, 0x{memory.ProgramBreak:x})");
        Assert.That(p + 100, Is.LessThanOrEqualTo(memory.ProgramBreak), "the block runs past the program break");
    }

    [Test]
    [Task(2)]
    public void The_second_small_malloc_uses_the_space_the_first_growth_pooled()
    {
        var (memory, allocator) = NewProcess();
        allocator.Malloc(100);
        var breakAfterFirst = memory.ProgramBreak;

        allocator.Malloc(100);

        Assert.That(memory.ProgramBreak, Is.EqualTo(breakAfterFirst), "the second malloc(100) moved the break again: grow by more than one block (glibc asks for 128 KiB extra) and serve later requests from that pool");
    }

    [Test]
    [Task(2)]
    public void When_sbrk_fails_malloc_returns_null_and_the_blocks_handed_out_stay_intact()
    {
        // The heap may grow to 192 KiB at most: then the C library's data is in the way and sbrk fails.
        var (memory, allocator) = NewProcess(heapRoom: 192 * KiB);
        var blocks = new List<ulong>();
        for (var p = allocator.Malloc(700); p != 0 && blocks.Count < 1000; p = allocator.Malloc(700))
        {
            memory.Fill(p, (byte)(blocks.Count % 251), 700);
            blocks.Add(p);
        }

        Assert.That(blocks, Has.Count.InRange(10, 999), "the heap can hold a few hundred blocks of 700 bytes before sbrk fails; then malloc must return 0 (Syscall.Failed is not an address)");
        for (var i = 0; i < blocks.Count; i++)
        {
            Assert.That(new[] { memory.ReadByte(blocks[i]), memory.ReadByte(blocks[i] + 699) }, Is.All.EqualTo((byte)(i % 251)), $"block {i} (0x{blocks[i]:x}) lost its bytes after sbrk failed");
        }
    }

    // ---- 3. Free and reuse ---------------------------------------------------------------------------------------

    [Test]
    [Task(3)]
    public void Free_of_null_does_nothing()
    {
        var (_, allocator) = NewProcess();

        Assert.DoesNotThrow(() => allocator.Free(0), "free(NULL) must do nothing");
    }

    [Test]
    [Task(3)]
    public void Freed_memory_is_reused_without_growing_the_heap()
    {
        var (memory, allocator) = NewProcess();
        var keep = allocator.Malloc(16);
        var p = allocator.Malloc(4000);
        allocator.Free(p);
        var breakAfterFree = memory.ProgramBreak;

        for (var i = 0; i < 1000; i++)
        {
            var q = allocator.Malloc(4000);
            allocator.Free(q);
        }

        Assert.That(memory.ProgramBreak, Is.EqualTo(breakAfterFree), "1000 rounds of malloc(4000) + free moved the break: a freed block must be reused by a later malloc of the same size");
        Assert.That(keep, Is.Not.Zero);
    }

    [Test]
    [Task(3)]
    public void A_block_that_merged_into_the_top_serves_the_next_request_without_the_break_creeping_up()
    {
        var (memory, allocator) = NewProcess();
        allocator.Malloc(3000);
        allocator.Free(allocator.Malloc(5000));
        var ceiling = memory.ProgramBreak + 5000 + (136 * KiB);

        for (var i = 0; i < 100; i++)
        {
            allocator.Free(allocator.Malloc(5000));
            Assert.That(memory.ProgramBreak, Is.LessThanOrEqualTo(ceiling), $"round {i}: malloc(5000) and free, each time merging into the free space at the end of the heap, and the break crept up to 0x{memory.ProgramBreak:x}: that space must serve the next request");
        }
    }

    [Test]
    [Task(3)]
    public void Freed_neighbours_merge_so_that_a_bigger_request_fits_in_a_heap_that_cannot_grow()
    {
        var (memory, allocator) = NewProcess(heapRoom: 256 * KiB);
        var run = new List<ulong>();
        for (var p = allocator.Malloc(150); p != 0 && run.Count < 3000; p = allocator.Malloc(150))
        {
            run.Add(p);
        }

        Assert.That(run, Has.Count.InRange(200, 2999), "the cramped heap holds hundreds of 150-byte blocks, then malloc must return 0");
        foreach (var p in run.OrderBy(p => (p * 0x9E3779B97F4A7C15UL) >> 40))
        {
            allocator.Free(p);
        }

        var big = (ulong)run.Count * 150 * 9 / 10;
        big = Math.Min(big, 131048);
        Assert.That(allocator.Malloc(big), Is.Not.Zero, $"{run.Count} neighbouring blocks of 150 bytes were freed in a heap that cannot grow, yet malloc({big}) found no room: adjacent free blocks must merge (coalesce)");
    }

    [Test]
    [Task(3)]
    public void A_double_free_of_a_heap_block_never_hands_that_block_out_twice()
    {
        var (_, allocator) = NewProcess();
        allocator.Malloc(5000);
        var victim = allocator.Malloc(5000);
        allocator.Malloc(5000);
        allocator.Free(victim);

        try
        {
            allocator.Free(victim);
        }
        catch (HeapCorruptionException)
        {
            // Detected, as glibc aborts: fine.
        }

        var first = allocator.Malloc(5000);
        var second = allocator.Malloc(5000);
        Assert.That(second, Is.Not.EqualTo(first), $"after freeing 0x{victim:x} twice, two malloc(5000) returned the same block: detect the double free (HeapCorruptionException) or ignore it safely");
    }

    // ---- 4. Big blocks via mmap ----------------------------------------------------------------------------------

    [Test]
    [Task(4)]
    public void A_request_of_131049_bytes_gets_a_mapping_of_its_own()
    {
        var (memory, allocator) = NewProcess();
        var breakBefore = memory.ProgramBreak;

        var p = allocator.Malloc(131049);

        var mapping = memory.FindMapping(p - 16);
        var field = memory.ReadWord(p - 8);
        Assert.That(mapping, Is.Not.Null, "malloc(131049): no mapping at p - 16");
        Assert.That(mapping!.Kind, Is.EqualTo(VmaKind.Anonymous), "malloc(131049) must come from mmap: its chunk size, 131072, reaches the 128 KiB threshold");
        Assert.That(mapping.Start, Is.EqualTo(p - 16), "the chunk must start at the start of its mapping (p - 16)");
        Assert.That(field & IsMmapped, Is.EqualTo(IsMmapped), $"the size word 0x{field:x} lacks IS_MMAPPED (0x2): free could not tell this block has its own mapping");
        Assert.That(field & ~SizeWordFlags, Is.EqualTo(135168UL), "the chunk size of a mapped block is its mapping's length: 131072 + 8 rounded up to pages = 135168");
        Assert.That(memory.ProgramBreak, Is.EqualTo(breakBefore), "a mapped request must not move the program break");
    }

    [Test]
    [Task(4)]
    public void A_request_of_131048_bytes_comes_from_the_heap()
    {
        var (memory, allocator) = NewProcess();

        var p = allocator.Malloc(131048);

        Assert.That(memory.FindMapping(p)?.Kind, Is.EqualTo(VmaKind.Heap), "malloc(131048) has a chunk size of 131056, below the 128 KiB threshold: it comes from the heap");
        Assert.That(memory.ReadWord(p - 8) & IsMmapped, Is.Zero, "IS_MMAPPED must be clear for a heap block");
    }

    [Test]
    [Task(4)]
    public void Free_unmaps_a_mapped_block()
    {
        var (memory, allocator) = NewProcess();
        var p = allocator.Malloc(200 * KiB);
        var mappings = memory.Mappings.Count;

        allocator.Free(p);

        Assert.That(memory.FindMapping(p - 16), Is.Null, "free of a mapped block must munmap its mapping");
        Assert.That(memory.Mappings.Count, Is.EqualTo(mappings - 1), "free must remove exactly that one mapping");
    }

    [Test]
    [Task(4)]
    public void A_double_free_of_a_mapped_block_unmaps_nothing_else()
    {
        var (memory, allocator) = NewProcess();
        var p = allocator.Malloc(300 * KiB);
        var kept = allocator.Malloc(300 * KiB);
        allocator.Free(p);
        var other = allocator.Malloc(500 * KiB);
        memory.Fill(kept, 0x5a, 300 * KiB);
        memory.Fill(other, 0x5a, 500 * KiB);
        var mappings = memory.Mappings.Count;

        try
        {
            allocator.Free(p);
        }
        catch (Exception e) when (e is HeapCorruptionException or SegmentationFaultException)
        {
            // Detected, or the header of the unmapped block could not be read (the C program crashes there too): fine.
        }

        Assert.That(memory.Mappings.Count, Is.EqualTo(mappings), "the second free of a mapped block removed a mapping: its own was already gone");
        Assert.That(new[] { memory.ReadByte(kept), memory.ReadByte(other + (500 * KiB) - 1) }, Is.All.EqualTo(0x5a), "another mapped block lost its bytes to a double free");
    }

    // ---- 5. realloc and calloc -----------------------------------------------------------------------------------

    [Test]
    [Task(5)]
    public void Realloc_keeps_the_contents_when_it_grows_a_block()
    {
        var (memory, allocator) = NewProcess();
        var p = allocator.Malloc(100);
        for (var i = 0UL; i < 100; i++)
        {
            memory.WriteByte(p + i, (byte)i);
        }

        allocator.Malloc(100);
        var q = allocator.Realloc(p, 5000);

        for (var i = 0UL; i < 100; i++)
        {
            Assert.That(memory.ReadByte(q + i), Is.EqualTo((byte)i), $"realloc(p, 5000) lost byte {i} of the old contents");
        }
    }

    [Test]
    [Task(5)]
    public void Realloc_of_null_is_malloc_and_realloc_to_zero_frees()
    {
        var (_, allocator) = NewProcess();

        var p = allocator.Realloc(0, 64);
        var q = allocator.Realloc(p, 0);

        Assert.That(p, Is.Not.Zero, "realloc(NULL, 64) must behave as malloc(64)");
        Assert.That(q, Is.Zero, "realloc(p, 0) must free p and return NULL");
    }

    [Test]
    [Task(5)]
    public void Calloc_zeroes_memory_even_when_it_reuses_a_freed_block()
    {
        var (memory, allocator) = NewProcess();
        var dirty = allocator.Malloc(400);
        memory.Fill(dirty, 0xAB, 400);
        allocator.Malloc(16);
        allocator.Free(dirty);

        var p = allocator.Calloc(50, 8);

        for (var i = 0UL; i < 400; i++)
        {
            Assert.That(memory.ReadByte(p + i), Is.Zero, $"calloc(50, 8): byte {i} is not zero");
        }
    }

    [Test]
    [Task(5)]
    public void Calloc_refuses_a_product_that_overflows()
    {
        var (memory, allocator) = NewProcess();

        var p = allocator.Calloc(1UL << 33, 1UL << 33);

        Assert.That(p, Is.Zero, "calloc(2^33, 2^33): the product overflows 64 bits, so calloc must return NULL");
        Assert.That(memory.ProgramBreak, Is.EqualTo(memory.HeapStart), "a refused calloc must not grow the heap");
    }

    [Test]
    [Task(5)]
    public void Realloc_of_a_mapped_block_keeps_its_bytes_and_leaves_no_mapping_behind()
    {
        var (memory, allocator) = NewProcess();
        var p = allocator.Malloc(200 * KiB);
        for (var i = 0UL; i < 200 * KiB; i += 4096)
        {
            memory.WriteByte(p + i, (byte)(i / 4096));
        }

        var mappings = AnonymousMappings(memory);
        var grown = allocator.Realloc(p, 600 * KiB);

        Assert.That(grown, Is.Not.Zero);
        Assert.That(AnonymousMappings(memory), Is.EqualTo(mappings), "realloc of a mapped block to another mapped size must leave one mapping, not two");
        Assert.That(memory.ReadWord(grown - 8) & IsMmapped, Is.EqualTo(IsMmapped), "600 KiB is above the threshold: the block stays mapped");
        for (var i = 0UL; i < 200 * KiB; i += 4096)
        {
            Assert.That(memory.ReadByte(grown + i), Is.EqualTo((byte)(i / 4096)), $"byte {i} changed when the mapped block grew");
        }

        var shrunk = allocator.Realloc(grown, 5000);
        Assert.That(memory.ReadByte(shrunk + 4096), Is.EqualTo(1), "realloc down to 5000 bytes must keep the first 5000");

        Assert.That(allocator.Realloc(shrunk, 0), Is.Zero, "realloc(p, 0) frees p and returns NULL");
        Assert.That(AnonymousMappings(memory), Is.EqualTo(mappings - 1), "after realloc(p, 0) the block's mapping (if it still had one) is gone");
    }

    // ---- 6. Trimming the top -------------------------------------------------------------------------------------

    [Test]
    [Task(6)]
    public void Freeing_everything_gives_the_heap_back_to_the_kernel()
    {
        var (memory, allocator) = NewProcess();
        var blocks = Enumerable.Range(0, 2000).Select(_ => allocator.Malloc(200)).ToList();
        Assert.That(memory.ProgramBreak - memory.HeapStart, Is.GreaterThan(400 * KiB), "2000 blocks of 200 bytes should need over 400 KiB of heap");

        foreach (var p in blocks)
        {
            allocator.Free(p);
        }

        var heap = memory.ProgramBreak - memory.HeapStart;
        Assert.That(heap, Is.LessThanOrEqualTo(136 * KiB), $"after every block was freed the heap still has {heap} bytes: when the free space at its end exceeds 128 KiB, free must shrink it with a negative sbrk (keeping a pad of at most 128 KiB)");
    }

    private static int AnonymousMappings(SimulatedProcessMemory memory) => memory.Mappings.Count(m => m.Kind == VmaKind.Anonymous);

    // ---- 8. The performance index ---------------------------------------------------------------------------------

    // The public traces (traces/*.rep, CS:APP's format) run through your allocator with the heap rules checked on every
    // operation; the test prints your utilization and simulated cost (the cost model of task 8). `memkata replay TRACE
    // --show-heap N` shows glibc's own heap on the same trace, chunk by chunk.
    [TestCase("binary")]
    [TestCase("realloc-growth")]
    [TestCase("mixed-2026")]
    [Task(8)]
    public void A_public_trace_runs_to_its_end_within_the_rules(string name)
    {
        var trace = TraceParser.ParseFile(Path.Combine(Path.GetDirectoryName(ThisFile())!, "traces", name + ".rep"));

        var measured = TraceMeasurement.Measure(trace, memory => new Allocator(memory));

        TestContext.Out.WriteLine($"{name}: utilization {measured.Utilization:P1} (peak payload {measured.PeakPayload:N0} B, peak footprint {measured.PeakFootprint:N0} B), cost {measured.Cost:N0} ({measured.Work})");
        Assert.That(measured.Failure, Is.Null, $"traces/{name}.rep: {measured.Failure}");
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;

    // A fresh process and your allocator; with heapRoom, the C library's data sits that far above the heap's start, so
    // the heap cannot grow past it.
    private static (SimulatedProcessMemory Memory, Allocator Allocator) NewProcess(ulong? heapRoom = null)
    {
        var layout = heapRoom is { } room ? AddressSpaceLayout.X86_64 with { LibcDataStart = AddressSpaceLayout.X86_64.HeapStart + room } : null;
        var memory = new SimulatedProcessMemory(layout);
        return (memory, new Allocator(memory));
    }
}
