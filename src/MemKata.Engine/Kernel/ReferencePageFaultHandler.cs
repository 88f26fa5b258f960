using MemKata.Contracts;
using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The reference page-fault handler, following Linux's <c>handle_mm_fault</c> for the cases the simulation has
/// (mm/memory.c: <c>do_anonymous_page</c>, <c>do_read_fault</c>, <c>do_cow_fault</c>, <c>do_shared_fault</c>,
/// <c>do_swap_page</c>, <c>do_wp_page</c>). An ordinary <see cref="IPageFaultHandler"/>: a learner's replaces it.
/// </summary>
public sealed class ReferencePageFaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        ArgumentNullException.ThrowIfNull(context);
        var vma = context.FindVma(fault.Address);
        if (vma is null)
        {
            return FaultResult.SegmentationFault("no mapping at this address");
        }

        if (!vma.Allows(fault.Access))
        {
            return FaultResult.SegmentationFault(fault.Access == AccessKind.Write ? "the mapping does not allow writing" : "the mapping does not allow reading");
        }

        var pte = context.ReadPte(fault.PageAddress);
        var writable = (vma.Protection & Protection.Write) != 0;
        return pte.State switch
        {
            PteState.Swapped => SwapBackIn(context, fault.PageAddress, writable),
            PteState.Present => WriteProtectFault(context, vma, fault.PageAddress, pte),
            _ when vma.IsAnonymous => AnonymousFault(context, fault, writable),
            _ => FileFault(context, vma, fault),
        };
    }

    // First touch of anonymous memory: a read maps the shared zero page, a write gets a zeroed frame of its own.
    private static FaultResult AnonymousFault(IFaultContext context, PageFault fault, bool writable)
    {
        if (fault.Access == AccessKind.Read)
        {
            context.MapZeroPage(fault.PageAddress);
            return FaultResult.Minor;
        }

        var frame = context.AllocateFrame();
        if (frame is null)
        {
            return FaultResult.OutOfMemory;
        }

        context.ZeroFill(frame.Value);
        context.MapPage(fault.PageAddress, frame.Value, writable);
        return FaultResult.Minor;
    }

    private static FaultResult SwapBackIn(IFaultContext context, ulong pageAddress, bool writable)
    {
        var frame = context.SwapIn(pageAddress);
        if (frame is null)
        {
            return FaultResult.OutOfMemory;
        }

        context.MapPage(pageAddress, frame.Value, writable);
        return FaultResult.Major;
    }

    // A file page: a shared mapping maps the page-cache page itself (writable if the mapping is); a private mapping
    // maps it read-only on a read and copies it on a write.
    private static FaultResult FileFault(IFaultContext context, VmaInfo vma, PageFault fault)
    {
        var cached = context.ReadFilePage(vma.FileName!, vma.FileOffsetOf(fault.PageAddress), out var wasCached);
        if (cached is null)
        {
            return FaultResult.OutOfMemory;
        }

        var result = wasCached ? FaultResult.Minor : FaultResult.Major;
        if (vma.Kind == VmaKind.FileShared || fault.Access == AccessKind.Read)
        {
            context.MapPage(fault.PageAddress, cached.Value, vma.Kind == VmaKind.FileShared && (vma.Protection & Protection.Write) != 0);
            return result;
        }

        var copy = context.AllocateFrame();
        if (copy is null)
        {
            return FaultResult.OutOfMemory;
        }

        context.CopyFrame(cached.Value, copy.Value);
        context.MapPage(fault.PageAddress, copy.Value, writable: true);
        return result;
    }

    // A write to a present read-only page of a writable area: the zero page or a private file page. Copy on write.
    private static FaultResult WriteProtectFault(IFaultContext context, VmaInfo vma, ulong pageAddress, PageTableEntry pte)
    {
        if (vma.Kind == VmaKind.FileShared)
        {
            // A shared page is written in place: just allow the store.
            context.MapPage(pageAddress, pte.Frame, writable: true);
            return FaultResult.Minor;
        }

        var copy = context.AllocateFrame();
        if (copy is null)
        {
            return FaultResult.OutOfMemory;
        }

        if (pte.IsZeroPage)
        {
            context.ZeroFill(copy.Value);
        }
        else
        {
            context.CopyFrame(pte.Frame, copy.Value);
        }

        context.MapPage(pageAddress, copy.Value, (vma.Protection & Protection.Write) != 0);
        return FaultResult.Minor;
    }
}
