using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using static MemKata.Engine.Tests.Kernel.KernelTestMachines;

namespace MemKata.Engine.Tests.Kernel;

public class ReclaimTests
{
    private static PteState StateOf(SimProcess p, ulong address) => p.PageTable.Get(address / Page).State;

    [Test]
    public void A_page_touched_since_the_last_scan_gets_a_second_chance()
    {
        var machine = Small(swapPages: 1024);
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(20 * Page);
        TouchForWrite(p, a, 20);

        // First pass: every page was referenced, so they all get activated; aging then brings the oldest back to the
        // inactive list with their bits cleared, and the oldest of those (page 0) is swapped out.
        machine.Reclaimer.Run(ReclaimMode.Background, 1, 0);
        Assert.That(StateOf(p, a), Is.EqualTo(PteState.Swapped));
        Assert.That(StateOf(p, a + Page), Is.EqualTo(PteState.Present));

        // Page 1 is now the oldest inactive page; touch it, and the next pass must spare it and take page 2.
        p.Memory.WriteByte(a + Page, 2);
        machine.Reclaimer.Run(ReclaimMode.Background, 1, 0);

        Assert.That(StateOf(p, a + Page), Is.EqualTo(PteState.Present), "referenced: second chance");
        Assert.That(StateOf(p, a + (2 * Page)), Is.EqualTo(PteState.Swapped));
        Assert.That(machine.Lru.ListOf(p.PageTable.Get((a + Page) / Page).Frame), Is.EqualTo(LruList.ActiveAnon));
    }

    [Test]
    public void Swapped_out_pages_come_back_with_a_major_fault_and_their_contents()
    {
        var machine = Small(ramPages: 1024, swapPages: 2048);
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(1500 * Page);
        for (var i = 0UL; i < 1500; i++)
        {
            p.Memory.WriteWord(a + (i * Page), i * 7);
        }

        Assert.That(machine.VmStat.PswpOut, Is.GreaterThan(0));
        Assert.That(p.SwapEntries, Is.GreaterThan(0));
        Assert.That(p.MajorFaults, Is.Zero);

        for (var i = 0UL; i < 1500; i++)
        {
            Assert.That(p.Memory.ReadWord(a + (i * Page)), Is.EqualTo(i * 7), $"page {i}");
        }

        Assert.That(p.MajorFaults, Is.GreaterThan(0));
        Assert.That(machine.VmStat.PswpIn, Is.EqualTo(p.MajorFaults), "each major fault here read one page from swap");
        Assert.That(machine.VmStat.PgMajFault, Is.EqualTo(p.MajorFaults));
        Assert.That(p.ResidentPages + p.SwapEntries, Is.EqualTo(1500));
    }

    [Test]
    public void A_full_machine_wakes_kswapd_and_then_reclaims_directly()
    {
        var machine = Small(ramPages: 1024, swapPages: 2048);
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(1500 * Page);

        TouchForWrite(p, a, 1500);

        Assert.That(machine.Kswapd.Wakeups, Is.GreaterThan(0));
        Assert.That(machine.VmStat.PgScanKswapd, Is.GreaterThan(0));
        Assert.That(machine.VmStat.AllocStall, Is.GreaterThan(0), "the program allocates faster than kswapd reclaims");
        Assert.That(machine.VmStat.PgScanDirect, Is.GreaterThan(0));
        Assert.That(p.ReclaimStalls, Is.EqualTo(machine.VmStat.AllocStall));
        Assert.That(machine.Frames.FreeFrames, Is.GreaterThan(machine.Watermarks.Min - 1));
    }

    [Test]
    public void Kswapd_reclaims_up_to_the_high_watermark_when_the_machine_idles()
    {
        var machine = Small(ramPages: 1024, swapPages: 2048);
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(1000 * Page);
        TouchForWrite(p, a, 1000);

        machine.Idle();

        Assert.That(machine.Kswapd.IsAwake, Is.False);
        Assert.That(machine.Frames.FreeFrames, Is.GreaterThan(machine.Watermarks.High));
    }

    [Test]
    public void Dirty_file_pages_are_written_back_before_they_are_dropped()
    {
        var machine = Small(ramPages: 1024);
        var file = machine.CreateFile("log.dat", 300 * Page);
        var writer = machine.Spawn("writer");
        var m = writer.Memory.MmapFile(300 * Page, Protection.ReadWrite, "log.dat", 0, shared: true);
        for (var i = 0UL; i < 300; i++)
        {
            writer.Memory.WriteWord(m + (i * Page), 1000 + i);
        }

        Assert.That(writer.MajorFaults, Is.EqualTo(300), "every page was read from the file first");
        Assert.That(file.PagesWritten, Is.Zero);

        // Without swap, only file pages can make room for this process's anonymous memory.
        var hog = machine.Spawn("hog");
        var h = hog.Memory.Mmap(800 * Page);
        TouchForWrite(hog, h, 800);

        Assert.That(file.PagesWritten, Is.GreaterThan(0));
        Assert.That(machine.VmStat.PgPgOut, Is.EqualTo(file.PagesWritten * 4));
        Assert.That(writer.FilePages, Is.LessThan(300));
        var majorBefore = writer.MajorFaults;
        for (var i = 0UL; i < 300; i++)
        {
            Assert.That(writer.Memory.ReadWord(m + (i * Page)), Is.EqualTo(1000 + i), $"page {i} survived the trip to disk");
        }

        Assert.That(writer.MajorFaults, Is.GreaterThan(majorBefore), "dropped pages are read back from the file");
    }

    [Test]
    public void Without_swap_anonymous_pages_stay_and_reclaim_finds_nothing()
    {
        var machine = Small(ramPages: 1024);
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(800 * Page);
        TouchForWrite(p, a, 800);
        var freed = machine.Reclaimer.Run(ReclaimMode.Direct, 32, p.Pid);

        Assert.That(freed, Is.Zero);
        Assert.That(machine.VmStat.PswpOut, Is.Zero);
    }

    [Test]
    public void Swappiness_0_drops_file_pages_before_swapping()
    {
        var machine = Small(ramPages: 1024, swapPages: 1024, swappiness: 0);
        machine.CreateFile("cache.dat", 400 * Page);
        var reader = machine.Spawn("reader");
        var m = reader.Memory.MmapFile(400 * Page, Protection.Read, "cache.dat", 0, shared: true);
        TouchForRead(reader, m, 400);
        var hog = machine.Spawn("hog");
        var h = hog.Memory.Mmap(700 * Page);

        TouchForWrite(hog, h, 700);

        Assert.That(machine.VmStat.PswpOut, Is.Zero, "with swappiness 0 and file pages left, nothing is swapped");
        Assert.That(reader.FilePages, Is.LessThan(400));
    }
}

public class FaultPinningTests
{
    [Test]
    public void Reclaim_in_the_middle_of_a_copy_on_write_fault_cannot_free_the_page_being_copied()
    {
        // kswapd never runs here, so the only reclaim is the one the copy-on-write allocation itself starts.
        var machine = new Machine(new MachineConfig { RamBytes = 1024 * 4096, KswapdPeriod = int.MaxValue, LoaderTouchesLibraryData = false });
        machine.CreateFile("data.bin", 4096);
        var writer = machine.Spawn("writer");
        var shared = writer.Memory.MmapFile(4096, Protection.ReadWrite, "data.bin", 0, shared: true);
        writer.Memory.Fill(shared, 0x5a, 4096);
        var reader = machine.Spawn("reader");
        var copy = reader.Memory.MmapFile(4096, Protection.ReadWrite, "data.bin", 0, shared: false);
        Assert.That(reader.Memory.ReadByte(copy + 100), Is.EqualTo(0x5a));
        machine.Exit(writer);

        // Fill RAM down to exactly the min watermark with a hog's anonymous pages (no swap: they cannot be reclaimed).
        var hog = machine.Spawn("hog");
        var pages = machine.Frames.FreeFrames - machine.Watermarks.Min;
        var h = hog.Memory.Mmap((ulong)pages * 4096);
        for (var i = 0L; i < pages; i++)
        {
            hog.Memory.WriteByte(h + ((ulong)i * 4096), 1);
        }

        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(machine.Watermarks.Min));

        // The write needs a frame: direct reclaim finds only the page-cache page being copied, which must stay; the OOM
        // killer then makes room by killing the hog.
        reader.Memory.WriteByte(copy, 1);

        Assert.That(reader.Memory.ReadByte(copy + 100), Is.EqualTo(0x5a), "the copy holds the file's bytes, not a freed frame's poison");
        Assert.That(hog.IsAlive, Is.False);
    }
}
