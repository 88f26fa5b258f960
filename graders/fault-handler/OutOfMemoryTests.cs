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
        const bool all = false;
        yield return Case(VmaKind.Anonymous, default, AccessKind.Write, all, "AllocateFrame").SetArgDisplayNames("first write to anonymous memory");
        yield return Case(VmaKind.FileShared, default, AccessKind.Read, all, "ReadFilePage").SetArgDisplayNames("file page read");
        yield return Case(VmaKind.FilePrivate, default, AccessKind.Write, all, "AllocateFrame|ReadFilePage").SetArgDisplayNames("private file page first written");
        yield return Case(VmaKind.FilePrivate, default, AccessKind.Write, true, "AllocateFrame")
            .SetArgDisplayNames("private file page first written, read but no frame for the copy");
        yield return Case(VmaKind.Anonymous, swapped, AccessKind.Read, all, "SwapIn").SetArgDisplayNames("swap-in");
        yield return Case(VmaKind.Anonymous, zero, AccessKind.Write, all, "AllocateFrame").SetArgDisplayNames("copy of the zero page");
        yield return Case(VmaKind.FilePrivate, present, AccessKind.Write, all, "AllocateFrame").SetArgDisplayNames("copy of a private file page");

        static TestCaseData Case(VmaKind kind, PageTableEntry pte, AccessKind access, bool onlyAllocateFrameFails, string asks) =>
            new(kind, pte, access, onlyAllocateFrameFails, asks);
    }

    [TestCaseSource(nameof(EveryPathThatNeedsAFrame))]
    [Task(6)]
    public void No_frame_means_out_of_memory_and_nothing_mapped(VmaKind kind, PageTableEntry pte, AccessKind access, bool onlyAllocateFrameFails, string asks)
    {
        var failing = onlyAllocateFrameFails ? ScriptedContext.FrameCalls.AllocateFrame : ScriptedContext.FrameCalls.All;
        var context = new ScriptedContext(ScriptedContext.Area(Protection.ReadWrite, kind), pte) { Failing = failing };

        var result = RuleCheckedHandler.Learner().HandleFault(context, ScriptedContext.At(0x12000, access));

        // The handler must have asked (and been refused): an answer of OutOfMemory without asking is a guess.
        Assert.That(context.Changes.Where(c => asks.Split('|').Any(a => c.StartsWith(a, StringComparison.Ordinal))), Is.Not.Empty,
            $"this fault needs a frame from {asks.Replace("|", " or ", StringComparison.Ordinal)}, which answers null here; your handler called {context.Calls}");
        Assert.That(result.Outcome, Is.EqualTo(FaultOutcome.OutOfMemory),
            $"a call that needs a frame answered null (reclaim and the OOM killer found nothing): the answer is FaultResult.OutOfMemory; your handler called {context.Calls}");
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
