using MemKata.Contracts;
using MemKata.Contracts.Kernel;

/// <summary>A page-fault handler written as one decision table: find the area, then look at the entry.</summary>
public sealed class FaultHandler : IPageFaultHandler
{
    /// <inheritdoc/>
    public FaultResult HandleFault(IFaultContext context, PageFault fault)
    {
        ArgumentNullException.ThrowIfNull(context);
        VmaInfo? area = context.FindVma(fault.Address);
        if (area == null)
        {
            return FaultResult.SegmentationFault("segfault: address not mapped");
        }

        bool write = fault.Access == AccessKind.Write;
        if (!area.Allows(fault.Access))
        {
            return FaultResult.SegmentationFault(write ? "segfault: area is read-only" : "segfault: area is not readable");
        }

        ulong page = fault.PageAddress;
        PageTableEntry entry = context.ReadPte(page);

        if (entry.State == PteState.Swapped)
        {
            FrameNumber? swapped = context.SwapIn(page);
            if (!swapped.HasValue)
            {
                return FaultResult.OutOfMemory;
            }

            context.MapPage(page, swapped.Value, (area.Protection & Protection.Write) != 0);
            return FaultResult.Major;
        }

        if (entry.State == PteState.Present)
        {
            // Only a write to a read-only page gets here.
            if (area.Kind == VmaKind.FileShared)
            {
                context.MapPage(page, entry.Frame, true);
                return FaultResult.Minor;
            }

            return PrivateCopy(context, page, entry.IsZeroPage ? null : entry.Frame, FaultOutcome.Minor);
        }

        if (area.IsAnonymous)
        {
            if (!write)
            {
                context.MapZeroPage(page);
                return FaultResult.Minor;
            }

            return PrivateCopy(context, page, null, FaultOutcome.Minor);
        }

        FrameNumber? cachePage = context.ReadFilePage(area.FileName ?? "", area.FileOffsetOf(page), out bool inCache);
        if (!cachePage.HasValue)
        {
            return FaultResult.OutOfMemory;
        }

        FaultOutcome kind = inCache ? FaultOutcome.Minor : FaultOutcome.Major;
        if (area.Kind == VmaKind.FilePrivate)
        {
            if (write)
            {
                return PrivateCopy(context, page, cachePage.Value, kind);
            }

            context.MapPage(page, cachePage.Value, false);
        }
        else
        {
            context.MapPage(page, cachePage.Value, (area.Protection & Protection.Write) != 0);
        }

        return new FaultResult(kind, null);
    }

    // A frame of the process's own holding a copy of 'source' (zeros when there is none), mapped writable.
    private static FaultResult PrivateCopy(IFaultContext context, ulong page, FrameNumber? source, FaultOutcome kind)
    {
        FrameNumber? own = context.AllocateFrame();
        if (!own.HasValue)
        {
            return FaultResult.OutOfMemory;
        }

        if (source.HasValue)
        {
            context.CopyFrame(source.Value, own.Value);
        }
        else
        {
            context.ZeroFill(own.Value);
        }

        context.MapPage(page, own.Value, true);
        return new FaultResult(kind, null);
    }
}
