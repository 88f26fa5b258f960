using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Testing;
using static MemKata.Graders.FaultHandler.Machines;

namespace MemKata.Graders.FaultHandler;

// Task 5: a write to the zero page or to a private file page copies it into a frame of the process's own; a write to a
// present shared file page only makes it writable. On a machine the learner's handler takes only those faults
// (TaskRouter.Copies): the reference maps the pages they copy.
public class CopyOnWriteTests
{
    [Test]
    [Task(5)]
    public void Writing_the_zero_page_gives_a_zeroed_frame_and_leaves_the_zero_page_zero()
    {
        var (machine, p) = New(handler: TaskRouter.Copies());
        var a = p.Memory.Mmap(2 * Page);
        var free = machine.Frames.FreeFrames;
        _ = p.Memory.ReadByte(a);
        _ = p.Memory.ReadByte(a + Page);

        p.Memory.WriteByte(a + 10, 42);

        Assert.That(p.MinorFaults, Is.EqualTo(3), "two reads (zero page) and one copy-on-write fault, all minor");
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free - 1), "the write takes one frame");
        Assert.That(p.Memory.ReadByte(a + 10), Is.EqualTo(42));
        Assert.That(p.Memory.ReadByte(a + 11), Is.Zero, "the copy of the zero page is all zeros but what was written");
        Assert.That(p.Memory.ReadByte(a + Page + 10), Is.Zero, "the other page still maps the zero page, which must stay zero");
        Assert.That(Pte(p, a + Page).IsZeroPage, Is.True);
    }

    [Test]
    [Task(5)]
    public void A_private_file_page_is_copied_on_the_first_write_and_the_file_stays_as_it_was()
    {
        var (machine, writer) = New(handler: TaskRouter.Copies());
        machine.CreateFile("lib.so", 2 * Page);
        var owner = machine.Spawn("owner");
        var reader = machine.Spawn("reader");
        var shared = owner.Memory.MmapFile(2 * Page, Protection.ReadWrite, "lib.so", 0, shared: true);
        owner.Memory.WriteByte(shared + 100, 0x11);
        var priv = writer.Memory.MmapFile(2 * Page, Protection.ReadWrite, "lib.so", 0, shared: false);
        var other = reader.Memory.MmapFile(2 * Page, Protection.Read, "lib.so", 0, shared: false);

        Assert.That(writer.Memory.ReadByte(priv + 100), Is.EqualTo(0x11), "a private mapping reads the page-cache page");
        writer.Memory.WriteByte(priv + 200, 0x22);

        Assert.That(writer.Memory.ReadByte(priv + 100), Is.EqualTo(0x11), "the copy keeps the file's bytes: CopyFrame, not ZeroFill");
        Assert.That(writer.Memory.ReadByte(priv + 200), Is.EqualTo(0x22));
        Assert.That(reader.Memory.ReadByte(other + 200), Is.Zero, "another private mapping must not see the write");
        Assert.That(owner.Memory.ReadByte(shared + 200), Is.Zero, "the page cache (and so the file) must not see a private write");
        Assert.That(writer.MinorFaults, Is.EqualTo(2), "a page-cache hit on the read, a copy on the write: both minor");
        Assert.That(writer.AnonPages, Is.EqualTo(1), "the copy is the process's own anonymous page");
        Assert.That(writer.FilePages, Is.Zero, "the page-cache page is no longer mapped by the writer");
    }

    [Test]
    [Task(5)]
    public void A_first_touch_of_a_private_file_page_that_is_a_write_copies_at_once()
    {
        var (machine, p) = New(handler: TaskRouter.Copies());
        machine.CreateFile("data.bin", Page);
        var m = p.Memory.MmapFile(Page, Protection.ReadWrite, "data.bin", 0, shared: false);

        p.Memory.WriteByte(m, 9);

        Assert.That((p.MinorFaults, p.MajorFaults), Is.EqualTo((0L, 1L)), "one fault that read the file (major) and copied it");
        Assert.That(p.AnonPages, Is.EqualTo(1));
        Assert.That(machine.PageCache.CachedPages, Is.EqualTo(1), "the file page stays in the page cache, unchanged");
    }

    [Test]
    [Task(5)]
    public void A_write_to_a_present_shared_file_page_makes_it_writable_in_place()
    {
        var (machine, p) = New(handler: TaskRouter.Copies());
        machine.CreateFile("data.bin", Page);
        var m = p.Memory.MmapFile(Page, Protection.ReadWrite, "data.bin", 0, shared: true);
        var reader = machine.Spawn("reader");
        var r = reader.Memory.MmapFile(Page, Protection.Read, "data.bin", 0, shared: true);
        _ = reader.Memory.ReadByte(r);

        var pte = new PageTableEntry(PteState.Present, ScriptedContext.CachedFrame, 0, Writable: false, Accessed: true, Dirty: false, IsZeroPage: false);
        var context = new ScriptedContext(ScriptedContext.Area(Protection.ReadWrite, VmaKind.FileShared), pte);
        var result = RuleCheckedHandler.Learner().HandleFault(context, ScriptedContext.At(0x10000, AccessKind.Write));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.Minor));
        Assert.That(context.Changes, Is.EqualTo(new[] { $"MapPage(0x10000, {ScriptedContext.CachedFrame}, writable)" }),
            "a shared page is written in place: map the same frame writable, copy nothing");

        p.Memory.WriteByte(m, 77);
        Assert.That(reader.Memory.ReadByte(r), Is.EqualTo(77), "MAP_SHARED: the other process sees the write");
    }

    [TestCase(true, "ZeroFill(frame 11)")]
    [TestCase(false, "CopyFrame(frame 22 -> frame 11)")]
    [Task(5)]
    public void A_write_to_a_present_read_only_private_page_copies_it(bool zeroPage, string fill)
    {
        var pte = new PageTableEntry(PteState.Present, ScriptedContext.CachedFrame, 0, Writable: false, Accessed: true, Dirty: false, IsZeroPage: zeroPage);
        var kind = zeroPage ? VmaKind.Anonymous : VmaKind.FilePrivate;
        var context = new ScriptedContext(ScriptedContext.Area(Protection.ReadWrite, kind), pte);

        var result = RuleCheckedHandler.Learner().HandleFault(context, ScriptedContext.At(0x11800, AccessKind.Write));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.Minor), "copy on write needs no disk: minor");
        Assert.That(context.Changes, Does.Contain(fill), $"the copy of the {(zeroPage ? "zero page is a zero-filled frame" : "file page is a CopyFrame of it")}; your handler called {context.Calls}");
        Assert.That(context.Mapped, Is.EqualTo($"{ScriptedContext.NewFrame}, writable"), $"map the copy writable at 0x11000; your handler called {context.Calls}");
        Assert.That(context.FramesTaken, Is.EqualTo(1), $"a copy takes exactly one frame; your handler called {context.Calls}");
    }

    [TestCase(true, FaultOutcome.Minor)]
    [TestCase(false, FaultOutcome.Major)]
    [Task(5)]
    public void A_first_write_to_a_private_file_page_copies_the_cached_page_into_a_frame_of_its_own(bool cached, FaultOutcome expected)
    {
        var context = new ScriptedContext(ScriptedContext.Area(Protection.ReadWrite, VmaKind.FilePrivate)) { FileCached = cached };

        var result = RuleCheckedHandler.Learner().HandleFault(context, ScriptedContext.At(0x11800, AccessKind.Write));

        Assert.That(result.Outcome, Is.EqualTo(expected), $"the copy needed the file page, which was {(cached ? "" : "not ")}cached: the fault is {expected}, as a file read's");
        Assert.That(context.Changes, Does.Contain("ReadFilePage(data.bin, 0x4000)"), $"the page to copy is the page-cache page (file offset 0x4000 here); your handler called {context.Calls}");
        Assert.That(context.Changes, Does.Contain($"CopyFrame({ScriptedContext.CachedFrame} -> {ScriptedContext.NewFrame})"),
            $"the copy keeps the file's bytes: CopyFrame from the page-cache frame into the new one; your handler called {context.Calls}");
        Assert.That(context.Mapped, Is.EqualTo($"{ScriptedContext.NewFrame}, writable"), $"map the copy, writable, never the page-cache page; your handler called {context.Calls}");
        Assert.That(context.FramesTaken, Is.EqualTo(1), $"a copy takes exactly one frame; your handler called {context.Calls}");
    }
}
