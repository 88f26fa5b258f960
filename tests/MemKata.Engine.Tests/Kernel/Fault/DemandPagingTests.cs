using MemKata.Contracts;
using MemKata.Engine.Kernel;
using MemKata.Engine.Reference;
using static MemKata.Engine.Tests.Kernel.KernelTestMachines;

namespace MemKata.Engine.Tests.Kernel;

public class DemandPagingTests
{
    [Test]
    public void An_untouched_mapping_uses_no_frame()
    {
        var machine = Small();
        var p = machine.Spawn("idle");
        var free = machine.Frames.FreeFrames;

        var a = p.Memory.Mmap(100UL << 20);

        Assert.That(a, Is.Not.EqualTo(Syscall.Failed));
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free));
        Assert.That(p.ResidentPages, Is.Zero);
        Assert.That(p.MinorFaults, Is.Zero);
    }

    [Test]
    public void Reserving_40_TiB_costs_nothing()
    {
        // (The simulated layout has about 43 TiB between the heap and the mmap base; cost is what matters here.)
        var machine = Small();
        var p = machine.Spawn("huge");

        var a = p.Memory.Mmap(40UL << 40, Protection.Read);
        Assert.That(a, Is.Not.EqualTo(Syscall.Failed));
        p.Memory.ReadByte(a + (20UL << 40));

        Assert.That(p.PageTable.Count, Is.EqualTo(1));
        Assert.That(p.PageTable.TablePages, Is.EqualTo(3), "one PTE, one PMD and one PUD table page");
        Assert.That(p.Memory.Munmap(a, 40UL << 40), Is.Zero);
        Assert.That(p.PageTable.Count, Is.Zero);
    }

    [Test]
    public void The_first_write_to_a_page_is_one_minor_fault_and_takes_one_frame()
    {
        var machine = Small();
        var p = machine.Spawn("writer");
        var a = p.Memory.Mmap(10 * Page);
        var free = machine.Frames.FreeFrames;

        TouchForWrite(p, a, 10);
        TouchForWrite(p, a, 10, 2);

        Assert.That(p.MinorFaults, Is.EqualTo(10));
        Assert.That(p.MajorFaults, Is.Zero);
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free - 10));
        Assert.That(p.AnonPages, Is.EqualTo(10));
        Assert.That(machine.VmStat.PgFault, Is.EqualTo(10));
    }

    [Test]
    public void A_read_maps_the_zero_page_and_a_later_write_faults_again()
    {
        var machine = Small();
        var p = machine.Spawn("reader");
        var a = p.Memory.Mmap(4 * Page);
        var free = machine.Frames.FreeFrames;

        Assert.That(TouchForRead(p, a, 4), Is.Zero);
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free), "reads of untouched memory share the zero page");
        Assert.That(p.MinorFaults, Is.EqualTo(4));

        TouchForWrite(p, a, 4, 9);
        Assert.That(p.MinorFaults, Is.EqualTo(8), "each write to a zero-page mapping is a copy-on-write fault");
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free - 4));
        Assert.That(TouchForRead(p, a, 4), Is.EqualTo(36));
    }

    [Test]
    public void Touching_an_address_with_no_mapping_is_SIGSEGV()
    {
        var machine = Small();
        var p = machine.Spawn("wild");

        Assert.That(() => p.Memory.WriteByte(0x1000, 1), Throws.TypeOf<SegmentationFaultException>());
    }

    [Test]
    public void Writing_a_read_only_mapping_is_SIGSEGV()
    {
        var machine = Small();
        var p = machine.Spawn("ro");
        var a = p.Memory.Mmap(Page, Protection.Read);

        Assert.That(() => p.Memory.WriteByte(a, 1), Throws.TypeOf<SegmentationFaultException>().With.Property(nameof(SegmentationFaultException.IsWrite)).True);
    }

    [Test]
    public void The_reference_handler_answers_SIGSEGV_for_no_vma_and_for_a_forbidden_access()
    {
        var machine = Small();
        var p = machine.Spawn("direct");
        var ro = p.Memory.Mmap(Page, Protection.Read);
        var handler = new ReferencePageFaultHandler();
        var context = machine.NewFaultContext(p);

        var none = handler.HandleFault(context, new Contracts.Kernel.PageFault(p.Pid, 0x2000, 0x2000, Contracts.Kernel.AccessKind.Read));
        var write = handler.HandleFault(context, new Contracts.Kernel.PageFault(p.Pid, ro, ro, Contracts.Kernel.AccessKind.Write));

        Assert.That(none.Outcome, Is.EqualTo(Contracts.Kernel.FaultOutcome.SegmentationFault));
        Assert.That(write.Outcome, Is.EqualTo(Contracts.Kernel.FaultOutcome.SegmentationFault));
        Assert.That(write.Reason, Does.Contain("writing"));
    }

    [Test]
    public void Munmap_gives_the_frames_back()
    {
        var machine = Small();
        var p = machine.Spawn("unmapper");
        var a = p.Memory.Mmap(8 * Page);
        var free = machine.Frames.FreeFrames;
        TouchForWrite(p, a, 8);

        Assert.That(p.Memory.Munmap(a, 8 * Page), Is.Zero);

        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free));
        Assert.That(p.ResidentPages, Is.Zero);
        Assert.That(p.PageTable.TablePages, Is.Zero);
    }

    [Test]
    public void Mremap_moves_frames_with_their_contents()
    {
        var machine = Small();
        var p = machine.Spawn("mover");
        p.Memory.Mmap(2 * Page);
        var a = p.Memory.Mmap(2 * Page);
        p.Memory.WriteWord(a + Page, 0xabcdef);

        // The older mapping sits right above: growing means moving.
        var moved = p.Memory.Mremap(a, 2 * Page, 4 * Page, mayMove: true);

        Assert.That(moved, Is.Not.EqualTo(a));
        Assert.That(p.Memory.ReadWord(moved + Page), Is.EqualTo(0xabcdefUL));
        Assert.That(p.AnonPages, Is.EqualTo(1));
    }

    [Test]
    public void One_process_cannot_see_another_process_pages()
    {
        var machine = Small();
        var a = machine.Spawn("a");
        var b = machine.Spawn("b");
        var pa = a.Memory.Mmap(Page);
        var pb = b.Memory.Mmap(Page);
        Assert.That(pa, Is.EqualTo(pb), "both address spaces start with the same layout");

        a.Memory.WriteByte(pa, 42);

        Assert.That(b.Memory.ReadByte(pb), Is.Zero);
    }

    [Test]
    public void A_shared_file_mapping_reads_through_the_page_cache_once()
    {
        var machine = Small();
        machine.CreateFile("data.bin", 4 * Page);
        var a = machine.Spawn("a");
        var b = machine.Spawn("b");
        var ma = a.Memory.MmapFile(4 * Page, Protection.ReadWrite, "data.bin", 0, shared: true);
        var mb = b.Memory.MmapFile(4 * Page, Protection.Read, "data.bin", 0, shared: true);

        a.Memory.WriteByte(ma + Page, 7);
        var seen = b.Memory.ReadByte(mb + Page);

        Assert.That(seen, Is.EqualTo(7), "both processes map the same page-cache page");
        Assert.That(a.MajorFaults, Is.EqualTo(1), "the first use reads the file");
        Assert.That(b.MajorFaults, Is.Zero);
        Assert.That(b.MinorFaults, Is.EqualTo(1), "the second finds the page cached");
        Assert.That(machine.PageCache.CachedPages, Is.EqualTo(1));
    }

    [Test]
    public void A_private_file_mapping_copies_on_write()
    {
        var machine = Small();
        machine.CreateFile("lib.so", 2 * Page);
        var a = machine.Spawn("a");
        var b = machine.Spawn("b");
        var ma = a.Memory.MmapFile(2 * Page, Protection.ReadWrite, "lib.so", 0, shared: false);
        var mb = b.Memory.MmapFile(2 * Page, Protection.Read, "lib.so", 0, shared: false);
        Assert.That(a.Memory.ReadByte(ma), Is.Zero);

        a.Memory.WriteByte(ma, 5);

        Assert.That(b.Memory.ReadByte(mb), Is.Zero, "the write went to a private copy");
        Assert.That(a.AnonPages, Is.EqualTo(1));
        Assert.That(a.FilePages, Is.Zero);
    }

    [Test]
    public void Exiting_frees_everything_and_uncommits()
    {
        var machine = Small(mode: OvercommitMode.Heuristic);
        var p = machine.Spawn("short");
        var free = machine.Frames.FreeFrames;
        var a = p.Memory.Mmap(16 * Page);
        TouchForWrite(p, a, 16);

        machine.Exit(p);

        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free));
        Assert.That(machine.Overcommit.CommittedPages, Is.Zero);
        Assert.That(() => p.Memory.ReadByte(a), Throws.TypeOf<ProcessKilledException>());
    }
}
