using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;
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

    private static (SimulatedProcessMemory Memory, Allocator Allocator) NewProcess()
    {
        var memory = new SimulatedProcessMemory();
        return (memory, new Allocator(memory));
    }
}
