using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Testing;
using static MemKata.Graders.FaultHandler.Machines;

namespace MemKata.Graders.FaultHandler;

// Task 6: AllocateFrame, ReadFilePage and SwapIn reclaim when memory is short; when even that fails they answer null,
// and the handler answers OutOfMemory without mapping anything.
public class OutOfMemoryTests
{
    public static IEnumerable<TestCaseData> EveryPathThatNeedsAFrame()
    {
        var present = new PageTableEntry(PteState.Present, ScriptedContext.CachedFrame, 0, false, true, false, IsZeroPage: false);
        var zero = present with { IsZeroPage = true };
        var swapped = new PageTableEntry(PteState.Swapped, default, 5, false, false, false, false);
        yield return new TestCaseData(VmaKind.Anonymous, default(PageTableEntry), AccessKind.Write).SetArgDisplayNames("first write to anonymous memory");
        yield return new TestCaseData(VmaKind.FileShared, default(PageTableEntry), AccessKind.Read).SetArgDisplayNames("file page read");
        yield return new TestCaseData(VmaKind.FilePrivate, default(PageTableEntry), AccessKind.Write).SetArgDisplayNames("private file page first written");
        yield return new TestCaseData(VmaKind.Anonymous, swapped, AccessKind.Read).SetArgDisplayNames("swap-in");
        yield return new TestCaseData(VmaKind.Anonymous, zero, AccessKind.Write).SetArgDisplayNames("copy of the zero page");
        yield return new TestCaseData(VmaKind.FilePrivate, present, AccessKind.Write).SetArgDisplayNames("copy of a private file page");
    }

    [TestCaseSource(nameof(EveryPathThatNeedsAFrame))]
    [Task(6)]
    public void No_frame_means_out_of_memory_and_nothing_mapped(VmaKind kind, PageTableEntry pte, AccessKind access)
    {
        var context = new ScriptedContext(ScriptedContext.Area(Protection.ReadWrite, kind), pte) { FramesAvailable = false };

        var result = Subject.Create().HandleFault(context, ScriptedContext.At(0x12000, access));

        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.OutOfMemory),
            $"every call that needs a frame answered null (reclaim and the OOM killer found nothing): the answer is FaultResult.OutOfMemory; your handler called {context.Calls}");
        Assert.That(context.Mapped, Is.Null, "nothing may be mapped when the fault fails");
        Assert.That(context.Changes, Has.None.StartsWith("ZeroFill").And.None.StartsWith("CopyFrame"), "never use a frame you did not get");
    }

    [Test]
    [Task(6)]
    public void Filling_more_than_RAM_without_swap_kills_only_the_process_that_faulted()
    {
        var (machine, p) = New(ramPages: 1024);
        var bystander = machine.Spawn("bystander");
        var small = bystander.Memory.Mmap(4 * Page);
        WriteEach(bystander, small, 4, _ => 8);
        bystander.OomScoreAdj = -1000;
        var a = p.Memory.Mmap(2000 * Page);

        ExpectKilled(() => WriteEach(p, a, 2000, _ => 1), "with no swap the machine runs out of frames: the fault must end in OutOfMemory and the process be killed");

        Assert.That(p.IsAlive, Is.False);
        Assert.That(bystander.Memory.ReadByte(small + (3 * Page)), Is.EqualTo(8), "the other process keeps its memory");
    }

    [Test]
    [Task(6)]
    public void With_swap_a_full_machine_reclaims_inside_AllocateFrame_and_no_one_dies()
    {
        var (machine, p) = New(ramPages: 1024, swapPages: 4096);
        var a = p.Memory.Mmap(3000 * Page);

        WriteEach(p, a, 3000, i => (byte)(i % 200));

        Assert.That(p.IsAlive, Is.True, "AllocateFrame reclaimed (swapped pages out) before answering: no OOM here");
        Assert.That(machine.VmStat.PswpOut, Is.GreaterThan(0));
        Assert.That(p.MinorFaults, Is.EqualTo(3000), "each first write is one minor fault, however much reclaim it took");
        Assert.That(p.Memory.ReadByte(a + (7 * Page)), Is.EqualTo(7));
    }
}
