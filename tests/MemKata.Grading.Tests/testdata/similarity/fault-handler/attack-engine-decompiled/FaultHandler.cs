using MemKata.Contracts;
using MemKata.Contracts.Kernel;

public sealed class FaultHandler : IPageFaultHandler
{
	public FaultResult HandleFault(IFaultContext context, PageFault fault)
	{
		ArgumentNullException.ThrowIfNull(context);
		VmaInfo? vmaInfo = context.FindVma(fault.Address);
		if (vmaInfo == null || !vmaInfo.Allows(fault.Access))
		{
			return RefuseAccess(vmaInfo, fault);
		}

		PageTableEntry pageTableEntry = context.ReadPte(fault.PageAddress);
		return pageTableEntry.State switch
		{
			PteState.Swapped => SwapBackIn(context, vmaInfo, fault),
			PteState.Present => CopyOnWrite(context, vmaInfo, fault, pageTableEntry),
			_ when vmaInfo.IsAnonymous => FirstTouchOfAnonymousMemory(context, vmaInfo, fault),
			_ when vmaInfo.Kind == VmaKind.FilePrivate && fault.Access == AccessKind.Write => CopyOnWrite(context, vmaInfo, fault, pageTableEntry),
			_ => FilePage(context, vmaInfo, fault),
		};
	}

	private static bool AreaIsWritable(VmaInfo vma)
	{
		return (vma.Protection & Protection.Write) != 0;
	}

	private static FaultResult RefuseAccess(VmaInfo? vma, PageFault fault)
	{
		return FaultResult.SegmentationFault(vma == null ? "no mapping at this address" : fault.Access == AccessKind.Write ? "the mapping does not allow writing" : "the mapping does not allow reading");
	}

	private static FaultResult FirstTouchOfAnonymousMemory(IFaultContext context, VmaInfo vma, PageFault fault)
	{
		if (fault.Access == AccessKind.Read)
		{
			context.MapZeroPage(fault.PageAddress);
			return FaultResult.Minor;
		}

		FrameNumber? frameNumber = context.AllocateFrame();
		if (!frameNumber.HasValue)
		{
			return NoFrameLeft();
		}

		context.ZeroFill(frameNumber.Value);
		context.MapPage(fault.PageAddress, frameNumber.Value, AreaIsWritable(vma));
		return FaultResult.Minor;
	}

	private static FaultResult FilePage(IFaultContext context, VmaInfo vma, PageFault fault)
	{
		FrameNumber? frameNumber = context.ReadFilePage(vma.FileName!, vma.FileOffsetOf(fault.PageAddress), out bool flag);
		if (!frameNumber.HasValue)
		{
			return NoFrameLeft();
		}

		context.MapPage(fault.PageAddress, frameNumber.Value, vma.Kind == VmaKind.FileShared && AreaIsWritable(vma));
		return flag ? FaultResult.Minor : FaultResult.Major;
	}

	private static FaultResult SwapBackIn(IFaultContext context, VmaInfo vma, PageFault fault)
	{
		FrameNumber? frameNumber = context.SwapIn(fault.PageAddress);
		if (!frameNumber.HasValue)
		{
			return NoFrameLeft();
		}

		context.MapPage(fault.PageAddress, frameNumber.Value, AreaIsWritable(vma));
		return FaultResult.Major;
	}

	private static FaultResult CopyOnWrite(IFaultContext context, VmaInfo vma, PageFault fault, PageTableEntry pte)
	{
		if (pte.State == PteState.Present && vma.Kind == VmaKind.FileShared)
		{
			context.MapPage(fault.PageAddress, pte.Frame, writable: true);
			return FaultResult.Minor;
		}

		FaultResult faultResult = FaultResult.Minor;
		FrameNumber frameNumber = pte.Frame;
		if (pte.State != PteState.Present)
		{
			FrameNumber? frameNumber2 = context.ReadFilePage(vma.FileName!, vma.FileOffsetOf(fault.PageAddress), out bool flag);
			if (!frameNumber2.HasValue)
			{
				return NoFrameLeft();
			}

			frameNumber = frameNumber2.Value;
			faultResult = flag ? FaultResult.Minor : FaultResult.Major;
		}

		FrameNumber? frameNumber3 = context.AllocateFrame();
		if (!frameNumber3.HasValue)
		{
			return NoFrameLeft();
		}

		if (pte.IsZeroPage)
		{
			context.ZeroFill(frameNumber3.Value);
		}
		else
		{
			context.CopyFrame(frameNumber, frameNumber3.Value);
		}

		context.MapPage(fault.PageAddress, frameNumber3.Value, writable: true);
		return faultResult;
	}

	private static FaultResult NoFrameLeft()
	{
		return FaultResult.OutOfMemory;
	}
}
