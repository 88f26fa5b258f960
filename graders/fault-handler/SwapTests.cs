using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Testing;
using static MemKata.Graders.FaultHandler.Machines;

namespace MemKata.Graders.FaultHandler;

// Task 4: a swapped-out page comes back through SwapIn, in a major fault, with its contents. On a machine the learner's
// handler takes only the swap-ins (TaskRouter.SwapIns): the reference writes the pages first.
public class SwapTests
{
    [Test]
    [Task(4)]
    public void Every_page_comes_back_from_swap_with_its_contents()
    {
        var (machine, p) = New(ramPages: 1024, swapPages: 2048, TaskRouter.SwapIns());
        var a = p.Memory.Mmap(1500 * Page);
        WriteEach(p, a, 1500, i => (byte)((i % 250) + 1));
        var swapped = Enumerable.Range(0, 1500).Count(i => Pte(p, a + ((ulong)i * Page)).State == PteState.Swapped);
        Assert.That(swapped, Is.GreaterThan(400), "the test expects a good part of the pages to be in swap");
        var major = p.MajorFaults;

        for (var i = 0L; i < 1500; i++)
        {
            Assert.That(p.Memory.ReadByte(a + ((ulong)i * Page)), Is.EqualTo((byte)((i % 250) + 1)), $"page {i} did not come back with its contents");
        }

        Assert.That(p.MajorFaults - major, Is.EqualTo(machine.VmStat.PswpIn), "one major fault per page read back from swap");
        Assert.That(machine.VmStat.PswpIn, Is.GreaterThanOrEqualTo(swapped));
    }

    [Test]
    [Task(4)]
    public void A_page_swapped_in_is_writable_again_without_another_fault()
    {
        var (_, p) = New(ramPages: 1024, swapPages: 2048, TaskRouter.SwapIns());
        var a = p.Memory.Mmap(1500 * Page);
        WriteEach(p, a, 1500, _ => 3);
        Assert.That(Pte(p, a).State, Is.EqualTo(PteState.Swapped), "the test expects the first page to be in swap");

        _ = p.Memory.ReadByte(a);
        var minor = p.MinorFaults;
        var major = p.MajorFaults;
        p.Memory.WriteByte(a, 4);

        Assert.That((p.MinorFaults, p.MajorFaults), Is.EqualTo((minor, major)),
            "the page came back as the process's own page in a writable area: map it writable, so a write does not fault again");
        Assert.That(p.Memory.ReadByte(a), Is.EqualTo(4));
    }

    [TestCase(Protection.ReadWrite, "writable")]
    [TestCase(Protection.Read, "read-only")]
    [Task(4)]
    public void A_swap_entry_is_swapped_in_and_mapped_as_the_area_allows(Protection protection, string how)
    {
        var pte = new PageTableEntry(PteState.Swapped, default, 17, Writable: false, Accessed: false, Dirty: false, IsZeroPage: false);
        var context = new ScriptedContext(ScriptedContext.Area(protection), pte);

        var result = RuleCheckedHandler.Learner().HandleFault(context, ScriptedContext.At(0x12000, AccessKind.Read));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.Major), "reading swap is disk I/O: a major fault");
        Assert.That(context.Mapped, Is.EqualTo($"{ScriptedContext.SwappedInFrame}, {how}"),
            $"map the frame SwapIn returned, {how} as the area is; your handler called {context.Calls}");
        Assert.That(context.Changes, Has.None.StartsWith("ZeroFill").And.None.StartsWith("MapZeroPage"), "a swapped page has contents: never zero it");
    }
}
