using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;

namespace MemKata.Testing.Tests;

public class FaultRoutingTests
{
    [Test]
    public void Only_the_picked_faults_reach_the_handler_and_the_kernel_resolves_the_others()
    {
        var yours = new CountingHandler();
        var machine = new Machine(
            new MachineConfig { RamBytes = 1024 * 4096, Overcommit = OvercommitMode.Always, LoaderTouchesLibraryData = false },
            FaultRouting.Only(yours, (_, pte, access) => access == AccessKind.Write && pte.State == PteState.Present));
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(4096);

        _ = p.Memory.ReadByte(a);
        Assert.That(yours.Calls, Is.Zero, "the read of untouched memory is the kernel's: it maps the zero page");

        Assert.That(() => p.Memory.WriteByte(a, 1), Throws.InvalidOperationException.With.Message.Contains("not mapped writable"),
            "the write to the present zero page is yours; this handler answers Minor without mapping, which the kernel reports");
        Assert.That(yours.Calls, Is.EqualTo(1));
    }

    [Test]
    public void A_fault_with_no_area_never_reaches_the_handler()
    {
        var yours = new CountingHandler();
        var machine = new Machine(new MachineConfig { RamBytes = 1024 * 4096, LoaderTouchesLibraryData = false }, FaultRouting.Only(yours, (_, _, _) => true));
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(4096, Protection.Read);

        Assert.That(() => p.Memory.WriteByte(a, 1), Throws.TypeOf<SegmentationFaultException>());
        Assert.That(yours.Calls, Is.Zero, "an access the area forbids is the kernel's SIGSEGV, whatever the picker says");
    }

    // Answers Minor without doing anything: enough to see whether it was called.
    private sealed class CountingHandler : IPageFaultHandler
    {
        public int Calls { get; private set; }

        public FaultResult HandleFault(IFaultContext context, PageFault fault)
        {
            Calls++;
            return FaultResult.Minor;
        }
    }
}
