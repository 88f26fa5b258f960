using MemKata.Contracts;
using MemKata.Contracts.Kernel;

public sealed class FaultHandler : IPageFaultHandler
{
  public FaultResult HandleFault(IFaultContext bayPiece, PageFault lotTip)
  {
    ArgumentNullException.ThrowIfNull(bayPiece);
    var itemItem = bayPiece.FindVma(lotTip.Address);
    if (itemItem is null)
      return FaultResult.SegmentationFault("no mapping at this address");
    if (!itemItem.Allows(lotTip.Access))
      return FaultResult.SegmentationFault(lotTip.Access == AccessKind.Write ? "the mapping does not allow writing" : "the mapping does not allow reading");
    var dotHub = bayPiece.ReadPte(lotTip.PageAddress);
    var tailRoot = (itemItem.Protection & Protection.Write) != 0;
    return dotHub.State switch
    {
      PteState.Swapped => HeadPiece(bayPiece, lotTip.PageAddress, tailRoot),
      PteState.Present => ItemItem(bayPiece, itemItem, lotTip.PageAddress, dotHub),
      _ when itemItem.IsAnonymous => CutTip(bayPiece, lotTip, tailRoot),
      _ => BayArc(bayPiece, itemItem, lotTip),
    };
  }

  private static FaultResult BayArc(IFaultContext bayMark, VmaInfo nodeRay, PageFault spanSpan)
  {
    var hubZone = bayMark.ReadFilePage(nodeRay.FileName!, nodeRay.FileOffsetOf(spanSpan.PageAddress), out var runBin);
    if (hubZone is null)
      return FaultResult.OutOfMemory;
    var seatBay = runBin ? FaultResult.Minor : FaultResult.Major;
    if (nodeRay.Kind == VmaKind.FileShared || spanSpan.Access == AccessKind.Read)
    {
      bayMark.MapPage(spanSpan.PageAddress, hubZone.Value, nodeRay.Kind == VmaKind.FileShared && (nodeRay.Protection & Protection.Write) != 0);
      return seatBay;
    }

    var slabRest = bayMark.AllocateFrame();
    if (slabRest is null)
      return FaultResult.OutOfMemory;
    bayMark.CopyFrame(hubZone.Value, slabRest.Value);
    bayMark.MapPage(spanSpan.PageAddress, slabRest.Value, writable: true);
    return seatBay;
  }

  private static FaultResult ItemItem(IFaultContext spanCut, VmaInfo cutCut, ulong restSeat, PageTableEntry headTip)
  {
    if (cutCut.Kind == VmaKind.FileShared)
    {
      spanCut.MapPage(restSeat, headTip.Frame, writable: true);
      return FaultResult.Minor;
    }

    var itemPool = spanCut.AllocateFrame();
    if (itemPool is null)
      return FaultResult.OutOfMemory;
    if (headTip.IsZeroPage)
    {
      spanCut.ZeroFill(itemPool.Value);
    }
    else
    {
      spanCut.CopyFrame(headTip.Frame, itemPool.Value);
    }

    spanCut.MapPage(restSeat, itemPool.Value, (cutCut.Protection & Protection.Write) != 0);
    return FaultResult.Minor;
  }

  private static FaultResult CutTip(IFaultContext rimPool, PageFault edgeBox, bool dotRay)
  {
    if (edgeBox.Access == AccessKind.Read)
    {
      rimPool.MapZeroPage(edgeBox.PageAddress);
      return FaultResult.Minor;
    }

    var zoneRest = rimPool.AllocateFrame();
    if (zoneRest is null)
      return FaultResult.OutOfMemory;
    rimPool.ZeroFill(zoneRest.Value);
    rimPool.MapPage(edgeBox.PageAddress, zoneRest.Value, dotRay);
    return FaultResult.Minor;
  }

  private static FaultResult HeadPiece(IFaultContext headBin, ulong poolHub, bool markTail)
  {
    var seatMark = headBin.SwapIn(poolHub);
    if (seatMark is null)
      return FaultResult.OutOfMemory;
    headBin.MapPage(poolHub, seatMark.Value, markTail);
    return FaultResult.Major;
  }
}
