using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Engine.Reference;
using static MemKata.Engine.Tests.Kernel.KernelTestMachines;

namespace MemKata.Engine.Tests.Kernel;

// The fault handler and the reclaim policy are ordinary implementations of the contracts: any other can be plugged in,
// and a broken one is reported where its bug is, in words a learner can act on.
public class SwappableComponentsTests
{
    private sealed class CountingHandler : IPageFaultHandler
    {
        private readonly ReferencePageFaultHandler _inner = new();

        public int Calls { get; private set; }

        public FaultResult HandleFault(IFaultContext context, PageFault fault)
        {
            Calls++;
            return _inner.HandleFault(context, fault);
        }
    }

    private sealed class ForgetfulHandler : IPageFaultHandler
    {
        public FaultResult HandleFault(IFaultContext context, PageFault fault) => FaultResult.Minor;
    }

    private sealed class UnzeroedHandler : IPageFaultHandler
    {
        public FaultResult HandleFault(IFaultContext context, PageFault fault)
        {
            var frame = context.AllocateFrame()!.Value;
            context.MapPage(fault.PageAddress, frame, writable: true);
            return FaultResult.Minor;
        }
    }

    // Oldest first, no second chance: swaps out whatever is at the tail of the inactive anonymous list.
    private sealed class FifoPolicy : IReclaimPolicy
    {
        public void Reclaim(IReclaimContext context, ReclaimRequest request)
        {
            for (var freed = 0L; freed < request.PagesWanted && context.ScanTail(LruList.InactiveAnon) is { } frame; freed++)
            {
                if (!context.SwapOut(frame))
                {
                    return;
                }
            }
        }

        public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) =>
            candidates.Where(c => c.OomScoreAdj != OomBadness.Exempt).Select(c => (int?)c.Pid).FirstOrDefault();
    }

    // Acts on a page it did not scan in this request: one it remembered from the request before (a made-up frame
    // number is the same bug: the red team's adversarial-forged-frame-numbers).
    private sealed class RememberingPolicy : IReclaimPolicy
    {
        private FrameNumber? _remembered;

        public void Reclaim(IReclaimContext context, ReclaimRequest request)
        {
            if (_remembered is { } old)
            {
                context.SwapOut(old);
                return;
            }

            _remembered = context.ScanTail(LruList.InactiveAnon) ?? context.ScanTail(LruList.ActiveAnon);
            if (_remembered is { } frame)
            {
                context.Rotate(frame);
            }
        }

        public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) => null;
    }

    private sealed class MurderousPolicy : IReclaimPolicy
    {
        public void Reclaim(IReclaimContext context, ReclaimRequest request)
        {
        }

        public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) => candidates[0].Pid;
    }

    [Test]
    public void Another_fault_handler_sees_every_fault()
    {
        var handler = new CountingHandler();
        var machine = new Machine(new MachineConfig { RamBytes = 4UL << 20, LoaderTouchesLibraryData = false }, handler);
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(8 * Page);

        TouchForWrite(p, a, 8);

        Assert.That(handler.Calls, Is.EqualTo(8));
        Assert.That(p.MinorFaults, Is.EqualTo(8));
    }

    [Test]
    public void A_handler_that_says_minor_but_maps_nothing_is_reported_as_the_bug()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 4UL << 20, LoaderTouchesLibraryData = false }, new ForgetfulHandler());
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(Page);

        var error = Assert.Throws<InvalidOperationException>(() => p.Memory.WriteByte(a, 1));

        Assert.That(error!.Message, Does.StartWith("page fault handler ForgetfulHandler: answered Minor for a write at 0x").And.EndWith("but the page is not mapped writable"));
    }

    [Test]
    public void A_handler_that_forgets_to_zero_fill_shows_poison_not_zeros()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 4UL << 20, LoaderTouchesLibraryData = false }, new UnzeroedHandler());
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(Page);

        p.Memory.WriteByte(a, 1);

        Assert.That(p.Memory.ReadByte(a + 1), Is.EqualTo(FrameTable.Poison));
    }

    [Test]
    public void Another_reclaim_policy_drives_reclaim_and_the_oom_choice()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 1024 * Page, SwapBytes = 2048 * Page, LoaderTouchesLibraryData = false }, reclaimPolicy: new FifoPolicy());
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(1500 * Page);

        TouchForWrite(p, a, 1500);

        Assert.That(p.PageTable.Get(a / Page).State, Is.EqualTo(PteState.Swapped), "FIFO evicts the oldest page first");
        Assert.That(machine.VmStat.PswpOut, Is.GreaterThan(0));
    }

    [Test]
    public void A_policy_that_chooses_an_exempt_process_is_reported_as_the_bug()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 1024 * Page, Overcommit = OvercommitMode.Always, LoaderTouchesLibraryData = false }, reclaimPolicy: new MurderousPolicy());
        var exempt = machine.Spawn("exempt");
        exempt.OomScoreAdj = OomBadness.Exempt;
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(2000 * Page);

        var error = Assert.Throws<InvalidOperationException>(() => TouchForWrite(p, a, 2000));

        Assert.That(error!.Message, Does.Contain("MurderousPolicy: chose pid 1, whose oom_score_adj is -1000"));
    }

    [Test]
    public void A_policy_that_acts_on_a_page_it_did_not_scan_is_reported_as_the_bug()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 1024 * Page, SwapBytes = 2048 * Page, LoaderTouchesLibraryData = false }, reclaimPolicy: new RememberingPolicy());
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(1500 * Page);

        var error = Assert.Throws<InvalidOperationException>(() => TouchForWrite(p, a, 1500));

        Assert.That(error!.Message, Does.Match("IReclaimContext.SwapOut: frame [0-9]+ was not handed to you by ScanTail during this request"));
    }
}
