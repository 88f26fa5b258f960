using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Testing;
using static MemKata.Graders.FaultHandler.Machines;

namespace MemKata.Graders.FaultHandler;

// Task 3: file pages come from the page cache: a miss is a major fault, a hit a minor one; MAP_SHARED maps the cached
// page itself, MAP_PRIVATE maps it read-only on a read.
public class FileTests
{
    [Test]
    [Task(3)]
    public void Each_file_page_is_a_major_fault_the_first_time_and_minor_once_cached()
    {
        var (machine, a) = New();
        machine.CreateFile("data.bin", 8 * Page);
        var b = machine.Spawn("b");
        var ma = a.Memory.MmapFile(8 * Page, Protection.Read, "data.bin", 0, shared: false);
        var mb = b.Memory.MmapFile(8 * Page, Protection.Read, "data.bin", 0, shared: true);

        for (var i = 0UL; i < 8; i++)
        {
            _ = a.Memory.ReadByte(ma + (i * Page));
            _ = b.Memory.ReadByte(mb + (i * Page));
        }

        Assert.That(a.MajorFaults, Is.EqualTo(8), "the first process reads each page from disk: 8 major faults");
        Assert.That(a.MinorFaults, Is.Zero);
        Assert.That(b.MajorFaults, Is.Zero, "the second process finds every page in the page cache");
        Assert.That(b.MinorFaults, Is.EqualTo(8));
        Assert.That(machine.PageCache.CachedPages, Is.EqualTo(8), "one page-cache page per file page, shared by both");
        Assert.That(a.AnonPages + b.AnonPages, Is.Zero, "reading a file mapping takes no anonymous frame");
    }

    [Test]
    [Task(3)]
    public void A_shared_mapping_with_an_offset_shows_the_right_file_page()
    {
        var (machine, a) = New();
        machine.CreateFile("data.bin", 8 * Page);
        var b = machine.Spawn("b");
        var whole = a.Memory.MmapFile(8 * Page, Protection.ReadWrite, "data.bin", 0, shared: true);
        var tail = b.Memory.MmapFile(2 * Page, Protection.Read, "data.bin", 5 * Page, shared: true);

        a.Memory.WriteByte(whole + (5 * Page) + 3, 0x55);
        a.Memory.WriteByte(whole + (6 * Page) + 4, 0x66);

        Assert.That(b.Memory.ReadByte(tail + 3), Is.EqualTo(0x55), "the mapping at file offset 5 pages shows file page 5: use vma.FileOffsetOf(pageAddress)");
        Assert.That(b.Memory.ReadByte(tail + Page + 4), Is.EqualTo(0x66));
    }

    [Test]
    [Task(3)]
    public void A_write_through_a_shared_mapping_dirties_the_page_cache_and_survives_writeback()
    {
        // No swap and little RAM: the hog's pages push the journal's dirty pages out, through writeback. The learner's
        // handler takes the file faults only; the reference gives the hog its pages.
        var (machine, writer) = New(ramPages: 512, handler: TaskRouter.FilePages());
        machine.CreateFile("journal.dat", 128 * Page);
        var hog = machine.Spawn("hog");
        var journal = writer.Memory.MmapFile(128 * Page, Protection.ReadWrite, "journal.dat", 0, shared: true);
        WriteEach(writer, journal, 128, i => (byte)(i + 1));
        Assert.That(writer.MajorFaults, Is.EqualTo(128), "each page of the file is read once: 128 major faults");

        var h = hog.Memory.Mmap(440 * Page);
        WriteEach(hog, h, 440, _ => 1);
        var majorBefore = writer.MajorFaults;
        var sum = 0L;
        for (var i = 0UL; i < 128; i++)
        {
            sum += writer.Memory.ReadByte(journal + (i * Page));
        }

        Assert.That(machine.VmStat.PgPgOut, Is.GreaterThan(0), "the test expects reclaim to have written dirty journal pages back");
        Assert.That(writer.MajorFaults, Is.GreaterThan(majorBefore), "pages dropped from the page cache are read from the file again: major faults");
        Assert.That(sum, Is.EqualTo(128 * 129 / 2), "every page reads back what was written through the shared mapping");
    }

    [TestCase(true, FaultOutcome.Minor)]
    [TestCase(false, FaultOutcome.Major)]
    [Task(3)]
    public void The_fault_is_major_exactly_when_the_page_was_not_cached(bool cached, FaultOutcome expected)
    {
        var context = new ScriptedContext(ScriptedContext.Area(Protection.ReadWrite, VmaKind.FileShared)) { FileCached = cached };

        var result = RuleCheckedHandler.Learner().HandleFault(context, ScriptedContext.At(0x12345, AccessKind.Read));

        Assert.That(result.Outcome, Is.EqualTo(expected), $"ReadFilePage said wasCached = {cached}");
        Assert.That(context.Changes, Does.Contain("ReadFilePage(data.bin, 0x5000)"),
            $"page 0x12000 of an area starting at 0x10000 with file offset 0x3000 shows file offset 0x5000; your handler called {context.Calls}");
    }

    [TestCase(VmaKind.FileShared, Protection.ReadWrite, "writable")]
    [TestCase(VmaKind.FileShared, Protection.Read, "read-only")]
    [TestCase(VmaKind.FilePrivate, Protection.ReadWrite, "read-only")]
    [TestCase(VmaKind.FilePrivate, Protection.Read, "read-only")]
    [Task(3)]
    public void A_read_maps_the_cached_page_itself_writable_only_in_a_writable_shared_area(VmaKind kind, Protection protection, string how)
    {
        var context = new ScriptedContext(ScriptedContext.Area(protection, kind));

        var result = RuleCheckedHandler.Learner().HandleFault(context, ScriptedContext.At(0x11000, AccessKind.Read));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.Minor));
        Assert.That(context.Mapped, Is.EqualTo($"{ScriptedContext.CachedFrame}, {how}"),
            $"a read in a {kind} {protection} area maps the page-cache frame {how}" +
            (kind == VmaKind.FilePrivate ? " (read-only, so that a write faults and copies: task 5)" : "") + $"; your handler called {context.Calls}");
        Assert.That(context.Changes, Has.None.StartsWith("AllocateFrame"), "a read of a file page needs no frame beyond the page cache's");
    }

    [Test]
    [Task(3)]
    public void A_private_mapping_that_is_only_read_keeps_sharing_the_page_cache()
    {
        var (machine, p) = New();
        machine.CreateFile("lib.so", 4 * Page);
        var m = p.Memory.MmapFile(4 * Page, Protection.ReadWrite, "lib.so", 0, shared: false);

        for (var i = 0UL; i < 4; i++)
        {
            _ = p.Memory.ReadByte(m + (i * Page));
        }

        Assert.That(p.FilePages, Is.EqualTo(4), "reads of a private file mapping map the page-cache pages");
        Assert.That(p.AnonPages, Is.Zero, "no copy before a write");
        Assert.That(Pte(p, m).Writable, Is.False, "a private file page stays read-only after a read, so that a write can copy it");
    }
}
