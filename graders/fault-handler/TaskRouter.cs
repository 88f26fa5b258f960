using MemKata.Contracts.Kernel;
using MemKata.Engine.Reference;

namespace MemKata.Graders.FaultHandler;

/// <summary>
/// A handler that gives the learner's handler only the faults a test is about, chosen by the area and the entry as the
/// kernel sees them, and the engine's reference handler every other fault. A test of one task then depends on that task
/// alone: on the stub it reports that task's "not implemented", and a mistake in another task costs it nothing. Tests
/// about the whole handler (out of memory, the snapshots) do not route.
/// </summary>
internal sealed class TaskRouter(Func<VmaInfo, PageTableEntry, AccessKind, bool> yours) : IPageFaultHandler
{
    private readonly IPageFaultHandler _learner = RuleCheckedHandler.Learner();
    private readonly ReferencePageFaultHandler _reference = new();

    /// <summary>Task 2: the first touch of an anonymous page.</summary>
    public static TaskRouter AnonymousFirstTouch() => new((vma, pte, _) => pte.State == PteState.None && vma.IsAnonymous);

    /// <summary>Task 3: the first touch of a file page, except a write to a private one (a copy: task 5).</summary>
    public static TaskRouter FilePages() =>
        new((vma, pte, access) => pte.State == PteState.None && !vma.IsAnonymous && !WritesAPrivateFilePage(vma, access));

    /// <summary>Task 4: a swapped-out page.</summary>
    public static TaskRouter SwapIns() => new((_, pte, _) => pte.State == PteState.Swapped);

    /// <summary>Task 5: a write to a present read-only page, or a first touch of a private file page that is a write.</summary>
    public static TaskRouter Copies() =>
        new((vma, pte, access) => access == AccessKind.Write
            && (pte.State == PteState.Present || (pte.State == PteState.None && WritesAPrivateFilePage(vma, access))));

    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        ArgumentNullException.ThrowIfNull(context);
        var vma = context.FindVma(fault.Address);
        return vma is not null && vma.Allows(fault.Access) && yours(vma, context.ReadPte(fault.PageAddress), fault.Access)
            ? _learner.HandleFault(context, fault)
            : _reference.HandleFault(context, fault);
    }

    private static bool WritesAPrivateFilePage(VmaInfo vma, AccessKind access) =>
        vma.Kind == VmaKind.FilePrivate && access == AccessKind.Write;
}
