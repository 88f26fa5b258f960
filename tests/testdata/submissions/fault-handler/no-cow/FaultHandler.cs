using MemKata.Contracts;
using MemKata.Contracts.Kernel;

/// <summary>
/// A sample submission that never maps a page read-only to copy it later: every first touch of anonymous memory, read
/// or write, gets a zeroed frame (no zero page), a private file page is mapped writable straight from the page cache
/// (so a private write changes the file for everyone), and a write to a present page just makes it writable.
/// Legality, file reads (major vs minor), swap-in and out-of-memory are right.
/// </summary>
public sealed class FaultHandler : IPageFaultHandler
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
            return FaultResult.SegmentationFault("the mapping forbids this access");
        }

        var writable = (vma.Protection & Protection.Write) != 0;
        var pte = context.ReadPte(fault.PageAddress);
        if (pte.State == PteState.Present)
        {
            context.MapPage(fault.PageAddress, pte.Frame, writable: true);
            return FaultResult.Minor;
        }

        if (pte.State == PteState.Swapped)
        {
            if (context.SwapIn(fault.PageAddress) is not { } swapped)
            {
                return FaultResult.OutOfMemory;
            }

            context.MapPage(fault.PageAddress, swapped, writable);
            return FaultResult.Major;
        }

        if (vma.IsAnonymous)
        {
            if (context.AllocateFrame() is not { } frame)
            {
                return FaultResult.OutOfMemory;
            }

            context.ZeroFill(frame);
            context.MapPage(fault.PageAddress, frame, writable);
            return FaultResult.Minor;
        }

        if (context.ReadFilePage(vma.FileName!, vma.FileOffsetOf(fault.PageAddress), out var wasCached) is not { } cached)
        {
            return FaultResult.OutOfMemory;
        }

        context.MapPage(fault.PageAddress, cached, writable);
        return wasCached ? FaultResult.Minor : FaultResult.Major;
    }
}
