using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Engine.Reference;
using static MemKata.Engine.Tests.Kernel.KernelTestMachines;

namespace MemKata.Engine.Tests.Kernel;

/// <summary><see cref="Machine.FaultHandled"/>: every answered fault, with the handler's calls on its context in order,
/// each group named by the handler method that made it (what <c>--show faults</c> shows a learner).</summary>
public class FaultHandledTests
{
    [Test]
    public void The_reference_s_faults_are_reported_without_its_calls()
    {
        var machine = Small();
        var faults = new List<HandledFault>();
        machine.FaultHandled += faults.Add;
        var p = machine.Spawn("writer");
        var a = p.Memory.Mmap(3 * Page);

        TouchForWrite(p, a, 3);

        Assert.Multiple(() =>
        {
            Assert.That(faults.Select(f => f.Page), Is.EqualTo(new[] { a, a + Page, a + (2 * Page) }));
            Assert.That(faults, Has.All.Matches<HandledFault>(f => f.Pid == p.Pid && f.Access == AccessKind.Write && f.Outcome == FaultOutcome.Minor));
            Assert.That(faults.Select(f => f.Calls), Has.All.Null, "how the reference gets there is the exercise");
        });
    }

    [Test]
    public void A_learner_s_calls_are_given_in_order()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 1024 * Page, LoaderTouchesLibraryData = false }, new Delegating());
        var faults = new List<HandledFault>();
        machine.FaultHandled += faults.Add;
        var p = machine.Spawn("writer");
        var a = p.Memory.Mmap(Page);

        TouchForWrite(p, a, 1);

        Assert.That(faults.Single().Calls, Does.Match(@"^Resolve: .*AllocateFrame, ZeroFill, MapPage rw$"));
    }

    [Test]
    public void Calls_are_named_by_the_innermost_method_of_the_handler_s_own_assembly()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 1024 * Page, LoaderTouchesLibraryData = false }, new Delegating());
        var faults = new List<HandledFault>();
        machine.FaultHandled += faults.Add;
        var p = machine.Spawn("reader");
        var a = p.Memory.Mmap(Page);

        TouchForRead(p, a, 1);

        Assert.That(faults.Single().Calls, Does.StartWith("Resolve: ").And.Not.Contain(";"),
            "the reference's methods are not this assembly's: every call comes from Delegating.Resolve");
    }

    [Test]
    public void A_fault_the_handler_throws_on_is_not_reported()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 1024 * Page, LoaderTouchesLibraryData = false }, new Throwing());
        var faults = new List<HandledFault>();
        machine.FaultHandled += faults.Add;
        var p = machine.Spawn("crash");
        var a = p.Memory.Mmap(Page);

        Assert.Throws<InvalidOperationException>(() => TouchForRead(p, a, 1));
        Assert.That(faults, Is.Empty);
    }

    // A handler in this assembly whose work is done by the reference, from one named method.
    private sealed class Delegating : IPageFaultHandler
    {
        private readonly ReferencePageFaultHandler _reference = new();

        public FaultResult HandleFault(IFaultContext context, PageFault fault) => Resolve(context, fault);

        private FaultResult Resolve(IFaultContext context, PageFault fault) => _reference.HandleFault(context, fault);
    }

    private sealed class Throwing : IPageFaultHandler
    {
        public FaultResult HandleFault(IFaultContext context, PageFault fault)
        {
            context.FindVma(fault.Address);
            throw new InvalidOperationException("not done");
        }
    }
}
