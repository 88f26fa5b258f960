using MemKata.Contracts;
using MemKata.Contracts.Kernel;

public sealed class FaultHandler : IPageFaultHandler
{
	public FaultResult HandleFault(IFaultContext context, PageFault fault)
	{
		ArgumentNullException.ThrowIfNull(context);
		VmaInfo? vmaInfo = context.FindVma(fault.Address);
		if (vmaInfo == null)
		{
			return FaultResult.SegmentationFault("no mapping at this address");
		}

		if (!vmaInfo.Allows(fault.Access))
		{
			return FaultResult.SegmentationFault(fault.Access == AccessKind.Write ? "the mapping does not allow writing" : "the mapping does not allow reading");
		}

		PageTableEntry pageTableEntry = context.ReadPte(fault.PageAddress);
		bool flag = (vmaInfo.Protection & Protection.Write) != 0;
		return pageTableEntry.State switch
		{
			PteState.Swapped => SwapBackIn(context, fault.PageAddress, flag),
			PteState.Present => WriteProtectFault(context, vmaInfo, fault.PageAddress, pageTableEntry),
			_ when vmaInfo.IsAnonymous => AnonymousFault(context, fault, flag),
			_ => FileFault(context, vmaInfo, fault),
		};
	}

	private static FaultResult AnonymousFault(IFaultContext context, PageFault fault, bool writable)
	{
		if (fault.Access == AccessKind.Read)
		{
			context.MapZeroPage(fault.PageAddress);
			return FaultResult.Minor;
		}

		FrameNumber? frameNumber = context.AllocateFrame();
		if (!frameNumber.HasValue)
		{
			return FaultResult.OutOfMemory;
		}

		context.ZeroFill(frameNumber.Value);
		context.MapPage(fault.PageAddress, frameNumber.Value, writable);
		return FaultResult.Minor;
	}

	private static FaultResult SwapBackIn(IFaultContext context, ulong pageAddress, bool writable)
	{
		FrameNumber? frameNumber = context.SwapIn(pageAddress);
		if (!frameNumber.HasValue)
		{
			return FaultResult.OutOfMemory;
		}

		context.MapPage(pageAddress, frameNumber.Value, writable);
		return FaultResult.Major;
	}

	private static FaultResult FileFault(IFaultContext context, VmaInfo vma, PageFault fault)
	{
		FrameNumber? frameNumber = context.ReadFilePage(vma.FileName!, vma.FileOffsetOf(fault.PageAddress), out bool flag);
		if (!frameNumber.HasValue)
		{
			return FaultResult.OutOfMemory;
		}

		FaultResult faultResult = flag ? FaultResult.Minor : FaultResult.Major;
		if (vma.Kind == VmaKind.FileShared || fault.Access == AccessKind.Read)
		{
			context.MapPage(fault.PageAddress, frameNumber.Value, vma.Kind == VmaKind.FileShared && (vma.Protection & Protection.Write) != 0);
			return faultResult;
		}

		FrameNumber? frameNumber2 = context.AllocateFrame();
		if (!frameNumber2.HasValue)
		{
			return FaultResult.OutOfMemory;
		}

		context.CopyFrame(frameNumber.Value, frameNumber2.Value);
		context.MapPage(fault.PageAddress, frameNumber2.Value, writable: true);
		return faultResult;
	}

	private static FaultResult WriteProtectFault(IFaultContext context, VmaInfo vma, ulong pageAddress, PageTableEntry pte)
	{
		if (vma.Kind == VmaKind.FileShared)
		{
			context.MapPage(pageAddress, pte.Frame, writable: true);
			return FaultResult.Minor;
		}

		FrameNumber? frameNumber = context.AllocateFrame();
		if (!frameNumber.HasValue)
		{
			return FaultResult.OutOfMemory;
		}

		if (pte.IsZeroPage)
		{
			context.ZeroFill(frameNumber.Value);
		}
		else
		{
			context.CopyFrame(pte.Frame, frameNumber.Value);
		}

		context.MapPage(pageAddress, frameNumber.Value, (vma.Protection & Protection.Write) != 0);
		return FaultResult.Minor;
	}
}
