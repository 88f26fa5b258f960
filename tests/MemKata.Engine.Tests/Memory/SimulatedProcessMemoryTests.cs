using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Tests.Memory;

public class SimulatedProcessMemoryTests
{
    [Test]
    public void Sbrk_grows_the_break_and_returns_the_old_one()
    {
        var memory = new SimulatedProcessMemory();
        var start = memory.ProgramBreak;

        Assert.That(memory.Sbrk(0x21000), Is.EqualTo(start));
        Assert.That(memory.ProgramBreak, Is.EqualTo(start + 0x21000));
        memory.WriteWord(start + 0x20ff8, 42);
        Assert.That(memory.ReadWord(start + 0x20ff8), Is.EqualTo(42UL));
    }

    [Test]
    public void Sbrk_below_the_heap_start_fails_with_ENOMEM()
    {
        var memory = new SimulatedProcessMemory();

        Assert.That(memory.Sbrk(-4096), Is.EqualTo(Syscall.Failed));
        Assert.That(memory.LastError, Is.EqualTo(Errno.ENOMEM));
    }

    [Test]
    public void Shrinking_the_heap_discards_the_pages_past_the_break()
    {
        var memory = new SimulatedProcessMemory();
        var start = memory.ProgramBreak;
        memory.Sbrk(3 * 4096);
        memory.WriteByte(start + 2 * 4096, 7);

        memory.Sbrk(-2 * 4096);
        Assert.That(() => memory.ReadByte(start + 2 * 4096), Throws.TypeOf<SegmentationFaultException>());
        memory.Sbrk(2 * 4096);
        Assert.That(memory.ReadByte(start + 2 * 4096), Is.Zero, "memory the heap gives back comes back zeroed");
    }

    [Test]
    public void Mmap_places_mappings_top_down_and_munmap_removes_them()
    {
        var memory = new SimulatedProcessMemory();

        var a = memory.Mmap(5000);
        var b = memory.Mmap(4096);
        Assert.That(a % 4096, Is.Zero);
        Assert.That(b, Is.LessThan(a), "Linux places new anonymous mappings below older ones");
        memory.WriteWord(a + 8000, 1);

        Assert.That(memory.Munmap(a, 5000), Is.Zero);
        Assert.That(() => memory.ReadWord(a + 8000), Throws.TypeOf<SegmentationFaultException>());
    }

    [Test]
    public void Mmap_of_zero_bytes_fails_with_EINVAL()
    {
        var memory = new SimulatedProcessMemory();

        Assert.That(memory.Mmap(0), Is.EqualTo(Syscall.Failed));
        Assert.That(memory.LastError, Is.EqualTo(Errno.EINVAL));
    }

    [Test]
    public void A_huge_untouched_mapping_holds_no_pages()
    {
        var backing = new DemandZeroPageBacking(4096);
        var memory = new SimulatedProcessMemory(backing: backing);

        var huge = memory.Mmap(1UL << 40);
        Assert.That(huge, Is.Not.EqualTo(Syscall.Failed));
        Assert.That(memory.ReadWord(huge + (1UL << 39)), Is.Zero);
        memory.WriteByte(huge + 12345, 1);

        Assert.That(backing.ResidentPages, Is.EqualTo(1));
        Assert.That(memory.Munmap(huge, 1UL << 40), Is.Zero);
        Assert.That(backing.ResidentPages, Is.Zero);
    }

    [Test]
    public void A_mapping_too_big_for_the_space_above_the_program_goes_below_it()
    {
        var memory = new SimulatedProcessMemory();

        // About 42 TiB lie between the heap and the mmap base, about 85 TiB below the program image.
        var big = memory.Mmap(60UL << 40);

        Assert.That(big, Is.Not.EqualTo(Syscall.Failed));
        Assert.That(big + (60UL << 40), Is.LessThanOrEqualTo(memory.Layout.ProgramStart));
        Assert.That(big, Is.GreaterThanOrEqualTo(memory.Layout.MmapMinAddress));
    }

    [Test]
    public void No_hole_holds_100_TiB_so_mmap_fails_with_ENOMEM_as_on_Linux()
    {
        var memory = new SimulatedProcessMemory();

        Assert.That(memory.Mmap(100UL << 40), Is.EqualTo(Syscall.Failed));
        Assert.That(memory.LastError, Is.EqualTo(Errno.ENOMEM));
    }

    [Test]
    public void Mremap_keeps_the_contents_when_it_moves_a_mapping()
    {
        var memory = new SimulatedProcessMemory();
        var low = memory.Mmap(4096);
        var high = memory.Mmap(4096);
        memory.WriteWord(high, 0xfeed);

        // The older mapping sits right above: growing in place is impossible, so the mapping moves.
        var moved = memory.Mremap(high, 4096, 3 * 4096, mayMove: true);

        Assert.That(moved, Is.Not.EqualTo(high));
        Assert.That(memory.ReadWord(moved), Is.EqualTo(0xfeedUL));
        Assert.That(() => memory.ReadWord(high), Throws.TypeOf<SegmentationFaultException>());
        Assert.That(memory.ReadWord(low), Is.Zero);
    }

    [Test]
    public void Words_may_straddle_a_page_boundary()
    {
        var memory = new SimulatedProcessMemory();
        var a = memory.Mmap(8192);

        memory.WriteWord(a + 4092, 0x1122334455667788);

        Assert.That(memory.ReadWord(a + 4092), Is.EqualTo(0x1122334455667788UL));
        Assert.That(memory.ReadByte(a + 4096), Is.EqualTo(0x44));
    }

    [Test]
    public void Writing_a_read_only_mapping_is_a_segmentation_fault()
    {
        var memory = new SimulatedProcessMemory();
        var a = memory.Mmap(4096, Protection.Read);

        Assert.That(memory.ReadByte(a), Is.Zero);
        var fault = Assert.Throws<SegmentationFaultException>(() => memory.WriteByte(a, 1));
        Assert.That(fault!.IsWrite, Is.True);
    }

    [Test]
    public void Copy_handles_overlapping_ranges_like_memmove()
    {
        var memory = new SimulatedProcessMemory();
        var a = memory.Mmap(3 * 4096);
        for (var i = 0UL; i < 6000; i++)
        {
            memory.WriteByte(a + i, (byte)i);
        }

        memory.Copy(a + 100, a, 6000);

        Assert.That(memory.ReadByte(a + 100 + 5999), Is.EqualTo(unchecked((byte)5999)));
        Assert.That(memory.ReadByte(a + 100 + 4100), Is.EqualTo(unchecked((byte)4100)));
    }
}

public class SimulatedProcessMemoryAccountingTests
{
    private sealed class Budget(ulong pages) : ICommitAccounting
    {
        public ulong Committed { get; private set; }

        public string? TryCommit(ulong pages1, ulong totalVmPages)
        {
            if (Committed + pages1 > pages)
            {
                return $"only {pages - Committed} pages left in the budget";
            }

            Committed += pages1;
            return null;
        }

        public void Uncommit(ulong pages1) => Committed -= pages1;
    }

    [Test]
    public void Growth_refused_by_the_accounting_fails_with_ENOMEM_and_unmapping_gives_pages_back()
    {
        var budget = new Budget(10);
        var memory = new SimulatedProcessMemory(accounting: budget);

        var a = memory.Mmap(8 * 4096);
        Assert.That(budget.Committed, Is.EqualTo(8UL));
        Assert.That(memory.Mmap(3 * 4096), Is.EqualTo(Syscall.Failed));
        Assert.That(memory.LastError, Is.EqualTo(Errno.ENOMEM));
        Assert.That(memory.Sbrk(3 * 4096), Is.EqualTo(Syscall.Failed));
        Assert.That(memory.Sbrk(2 * 4096), Is.Not.EqualTo(Syscall.Failed));
        Assert.That(budget.Committed, Is.EqualTo(10UL));

        Assert.That(memory.Munmap(a + 4096, 2 * 4096), Is.Zero);
        Assert.That(budget.Committed, Is.EqualTo(8UL));
        Assert.That(memory.Mremap(a, 4096, 3 * 4096, mayMove: true), Is.Not.EqualTo(Syscall.Failed));
        Assert.That(budget.Committed, Is.EqualTo(10UL));
        Assert.That(memory.Sbrk(-2 * 4096), Is.Not.EqualTo(Syscall.Failed));
        Assert.That(budget.Committed, Is.EqualTo(8UL));
    }

    [Test]
    public void Read_only_mappings_are_not_committed()
    {
        var budget = new Budget(0);
        var memory = new SimulatedProcessMemory(accounting: budget);

        Assert.That(memory.Mmap(1UL << 40, Protection.Read), Is.Not.EqualTo(Syscall.Failed));
        Assert.That(budget.Committed, Is.Zero);
    }

    [Test]
    public void A_file_mapping_split_by_munmap_keeps_the_right_file_offsets()
    {
        var memory = new SimulatedProcessMemory();
        var a = memory.MmapFile(4 * 4096, Protection.Read, "data.bin", 4096, shared: true);

        Assert.That(memory.Munmap(a + 4096, 4096), Is.Zero);

        var tail = memory.FindMapping(a + 2 * 4096)!;
        Assert.That(tail.FileName, Is.EqualTo("data.bin"));
        Assert.That(tail.FileOffset, Is.EqualTo(3UL * 4096));
        Assert.That(tail.Kind, Is.EqualTo(VmaKind.FileShared));
    }
}
