using MemKata.Contracts.Kernel;
using MemKata.Engine.Reference;

namespace MemKata.Testing;

/// <summary>
/// Lets a test give a learner's page-fault handler only some faults: the ones of the task under test. Every other
/// fault is resolved as the simulated kernel's own handler resolves it, so a test of task 4 needs task 4 alone.
/// </summary>
public static class FaultRouting
{
    /// <summary>A handler that passes a legal fault (an area exists and allows the access) to <paramref name="yours"/>
    /// when <paramref name="picks"/> says so, given the area, the page's entry and the access; every other fault goes
    /// to the kernel's own handler.</summary>
    public static IPageFaultHandler Only(IPageFaultHandler yours, Func<VmaInfo, PageTableEntry, AccessKind, bool> picks)
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(picks);
        return new Router(yours, picks);
    }

    private sealed class Router(IPageFaultHandler yours, Func<VmaInfo, PageTableEntry, AccessKind, bool> picks) : IPageFaultHandler
    {
        private readonly ReferencePageFaultHandler _kernel = new();

        public FaultResult HandleFault(IFaultContext context, PageFault fault) =>
            context.FindVma(fault.Address) is { } vma && vma.Allows(fault.Access) && picks(vma, context.ReadPte(fault.PageAddress), fault.Access)
                ? yours.HandleFault(context, fault)
                : _kernel.HandleFault(context, fault);
    }
}
