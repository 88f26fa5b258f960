using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Testing;
using static MemKata.Graders.FaultHandler.ScriptedContext;

namespace MemKata.Graders.FaultHandler;

// Task 1: no area, or an area whose protection forbids the access, is SIGSEGV, and nothing changes.
public class LegalityTests
{
    [TestCase(0x1000UL, AccessKind.Read)]
    [TestCase(0x1000UL, AccessKind.Write)]
    [TestCase(0x14000UL, AccessKind.Read)]
    [TestCase(0xfff8UL, AccessKind.Write)]
    [Task(1)]
    public void An_address_outside_every_area_is_SIGSEGV(ulong address, AccessKind access)
    {
        var context = new ScriptedContext(Area(Protection.ReadWrite));

        var result = RuleCheckedHandler.Learner().HandleFault(context, At(address, access));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.SegmentationFault),
            $"a {access} at 0x{address:x} lies outside the only area [0x10000, 0x14000): FindVma returns null, so the answer is SIGSEGV");
        Assert.That(result.Reason, Is.Not.Null.And.Not.Empty, "give the SIGSEGV a reason: FaultResult.SegmentationFault(\"no mapping\")");
        Assert.That(context.Changes, Is.Empty, $"a refused access changes nothing, but your handler called {context.Calls}");
    }

    [TestCase(AccessKind.Read, VmaKind.Anonymous)]
    [TestCase(AccessKind.Write, VmaKind.Anonymous)]
    [TestCase(AccessKind.Read, VmaKind.FileShared)]
    [TestCase(AccessKind.Write, VmaKind.FilePrivate)]
    [Task(1)]
    public void Any_access_to_a_PROT_NONE_area_is_SIGSEGV(AccessKind access, VmaKind kind)
    {
        var context = new ScriptedContext(Area(Protection.None, kind));

        var result = RuleCheckedHandler.Learner().HandleFault(context, At(0x11008, access));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.SegmentationFault),
            $"a {access} in a PROT_NONE {kind} area (a guard page) must be refused: vma.Allows(access) is false");
        Assert.That(context.Changes, Is.Empty, $"a refused access changes nothing, but your handler called {context.Calls}");
    }

    [TestCase(VmaKind.Anonymous)]
    [TestCase(VmaKind.Heap)]
    [TestCase(VmaKind.FileShared)]
    [TestCase(VmaKind.FilePrivate)]
    [Task(1)]
    public void A_write_to_a_read_only_area_is_SIGSEGV(VmaKind kind)
    {
        var context = new ScriptedContext(Area(Protection.Read, kind));

        var result = RuleCheckedHandler.Learner().HandleFault(context, At(0x12010, AccessKind.Write));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.SegmentationFault), $"a write to a PROT_READ {kind} area must be refused");
        Assert.That(context.Changes, Is.Empty, $"a refused access changes nothing, but your handler called {context.Calls}");
    }

    [Test]
    [Task(1)]
    public void A_write_to_a_present_read_only_page_of_a_read_only_area_is_still_SIGSEGV()
    {
        // The page is mapped (an earlier read of a PROT_READ private file page): the area, not the entry, decides.
        var pte = new PageTableEntry(PteState.Present, CachedFrame, 0, Writable: false, Accessed: true, Dirty: false, IsZeroPage: false);
        var context = new ScriptedContext(Area(Protection.Read, VmaKind.FilePrivate), pte);

        var result = RuleCheckedHandler.Learner().HandleFault(context, At(0x10000, AccessKind.Write));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.SegmentationFault),
            "a write to a PROT_READ area is illegal even when the page is present: no copy on write without PROT_WRITE");
        Assert.That(context.Changes, Is.Empty, $"a refused access changes nothing, but your handler called {context.Calls}");
    }

    // Task 1's rule, but only a handler that serves the read (task 2: the zero page) can show it, so it counts for task 2:
    // a task's points need all of its tests (grader.json "wholeTasks"), and task 1 must not wait for task 2.
    [Test]
    [Task(2)]
    public void A_read_of_a_read_only_area_is_legal()
    {
        var context = new ScriptedContext(Area(Protection.Read));

        var result = RuleCheckedHandler.Learner().HandleFault(context, At(0x10000, AccessKind.Read));

        Assert.That(result.Outcome, Is.Not.EqualTo(FaultOutcome.SegmentationFault), "PROT_READ allows reading: only writes are refused");
    }
}
