using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Testing;
using static MemKata.Graders.FaultHandler.Machines;

namespace MemKata.Graders.FaultHandler;

// Task 2: first touch of anonymous memory: a read maps the zero page, a write a zeroed frame; both minor.
public class AnonymousTests
{
    [Test]
    [Task(2)]
    public void Every_first_write_is_one_minor_fault_and_one_frame_and_later_writes_are_free()
    {
        var (machine, p) = New();
        var a = p.Memory.Mmap(16 * Page);
        var free = machine.Frames.FreeFrames;

        WriteEach(p, a, 16, i => (byte)(i + 1));
        WriteEach(p, a, 16, i => (byte)(i + 2));

        Assert.That(p.MinorFaults, Is.EqualTo(16), "one minor fault per page, on its first write only");
        Assert.That(p.MajorFaults, Is.Zero, "zero-filling needs no disk");
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free - 16), "exactly one frame per page written");
        Assert.That(p.AnonPages, Is.EqualTo(16));
        Assert.That(p.Memory.ReadByte(a + (5 * Page)), Is.EqualTo(7));
    }

    [Test]
    [Task(2)]
    public void A_fresh_frame_reads_as_zeros_even_when_it_was_used_before()
    {
        var (_, p) = New();
        var a = p.Memory.Mmap(8 * Page);
        p.Memory.Fill(a, 0xee, 8 * Page);
        Assert.That(p.Memory.Munmap(a, 8 * Page), Is.Zero);
        var b = p.Memory.Mmap(8 * Page);

        p.Memory.WriteByte(b, 1);

        for (var offset = 1UL; offset < Page; offset += 511)
        {
            Assert.That(p.Memory.ReadByte(b + offset), Is.Zero,
                $"byte {offset} of a freshly written page is not zero: a recycled frame keeps its old data until ZeroFill (task 2)");
        }
    }

    [TestCase(VmaKind.Anonymous)]
    [TestCase(VmaKind.Heap)]
    [TestCase(VmaKind.LibraryData)]
    [Task(2)]
    public void A_read_maps_the_zero_page_in_every_anonymous_kind_of_area(VmaKind kind)
    {
        var context = new ScriptedContext(ScriptedContext.Area(Protection.ReadWrite, kind));

        var result = RuleCheckedHandler.Learner().HandleFault(context, ScriptedContext.At(0x11234, AccessKind.Read));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.Minor));
        Assert.That(context.Mapped, Is.EqualTo("zero page"), $"a read of untouched {kind} memory maps the zero page (MapZeroPage), at no frame; your handler called {context.Calls}");
        Assert.That(context.Changes, Has.None.StartsWith("AllocateFrame"), "a read needs no frame of its own");
    }

    [TestCase(VmaKind.Anonymous)]
    [TestCase(VmaKind.Heap)]
    [TestCase(VmaKind.LibraryData)]
    [Task(2)]
    public void A_write_maps_a_zeroed_writable_frame_in_every_anonymous_kind_of_area(VmaKind kind)
    {
        var context = new ScriptedContext(ScriptedContext.Area(Protection.ReadWrite, kind));

        var result = RuleCheckedHandler.Learner().HandleFault(context, ScriptedContext.At(0x13ff8, AccessKind.Write));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.Minor));
        Assert.That(context.FramesTaken, Is.EqualTo(1), $"a first write takes exactly one frame; your handler called {context.Calls}");
        Assert.That(context.Changes, Does.Contain($"ZeroFill({ScriptedContext.NewFrame})"), $"the new frame must be zero-filled; your handler called {context.Calls}");
        Assert.That(context.Changes, Does.Contain($"MapPage(0x13000, {ScriptedContext.NewFrame}, writable)"),
            $"the page (0x13000, the faulting page, not the faulting address) must map the new frame writable; your handler called {context.Calls}");
    }

    [Test]
    [Task(2)]
    public void Reading_a_gigabyte_of_untouched_memory_costs_no_frame()
    {
        var (machine, p) = New();
        var a = p.Memory.Mmap(1UL << 30);
        var free = machine.Frames.FreeFrames;

        var sum = 0L;
        for (var offset = 0UL; offset < 1UL << 30; offset += 64 * Page)
        {
            sum += p.Memory.ReadByte(a + offset);
        }

        Assert.That(sum, Is.Zero);
        Assert.That(p.MinorFaults, Is.EqualTo(4096));
        Assert.That(machine.Frames.FreeFrames, Is.EqualTo(free), "reads of untouched memory all share the one zero page");
        Assert.That(p.ResidentPages, Is.Zero);
    }
}
