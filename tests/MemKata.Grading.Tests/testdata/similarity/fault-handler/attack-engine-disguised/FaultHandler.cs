using MemKata.Contracts;
using MemKata.Contracts.Kernel;

public sealed class FaultHandler : IPageFaultHandler
{
  public FaultResult HandleFault(IFaultContext spanMark, PageFault arcDune)
  {
    ArgumentNullException.ThrowIfNull(spanMark);
    var knotMoss = spanMark.FindVma(arcDune.Address);
    if (knotMoss is null || !knotMoss.Allows(arcDune.Access))
      return DotVane(knotMoss, arcDune);
    var slabKnot = spanMark.ReadPte(arcDune.PageAddress);
    return slabKnot.State switch
    {
      PteState.Swapped => CellMoss(spanMark, knotMoss, arcDune),
      PteState.Present => LaneZone(spanMark, knotMoss, arcDune, slabKnot),
      _ when knotMoss.IsAnonymous => CutRoot(spanMark, knotMoss, arcDune),
      _ when knotMoss.Kind == VmaKind.FilePrivate && arcDune.Access == AccessKind.Write => LaneZone(spanMark, knotMoss, arcDune, slabKnot),
      _ => MossMoss(spanMark, knotMoss, arcDune),
    };
  }

  private static FaultResult CellMoss(IFaultContext tailHead, VmaInfo tailReed, PageFault itemHub)
  {
    if (tailHead.SwapIn(itemHub.PageAddress)is not { } seatSpot)
      return HubDot();
    tailHead.MapPage(itemHub.PageAddress, seatSpot, FernArc(tailReed));
    return FaultResult.Major;
  }

  private static FaultResult DotVane(VmaInfo? slabPool, PageFault cutTail) => FaultResult.SegmentationFault(slabPool is null ? "no mapping at this address" : cutTail.Access == AccessKind.Write ? "the mapping does not allow writing" : "the mapping does not allow reading");
  private static FaultResult CutRoot(IFaultContext tipArc, VmaInfo itemDot, PageFault binDune)
  {
    if (binDune.Access == AccessKind.Read)
    {
      tipArc.MapZeroPage(binDune.PageAddress);
      return FaultResult.Minor;
    }

    if (tipArc.AllocateFrame()is not { } arcZone)
      return HubDot();
    tipArc.ZeroFill(arcZone);
    tipArc.MapPage(binDune.PageAddress, arcZone, FernArc(itemDot));
    return FaultResult.Minor;
  }

  private static FaultResult LaneZone(IFaultContext nodeFern, VmaInfo slabHead, PageFault binHub, PageTableEntry boxVane)
  {
    if (boxVane.State == PteState.Present && slabHead.Kind == VmaKind.FileShared)
    {
      nodeFern.MapPage(binHub.PageAddress, boxVane.Frame, writable: true);
      return FaultResult.Minor;
    }

    var spanHub = FaultResult.Minor;
    var fernDune = boxVane.Frame;
    if (boxVane.State != PteState.Present)
    {
      if (nodeFern.ReadFilePage(slabHead.FileName!, slabHead.FileOffsetOf(binHub.PageAddress), out var rimReed)is not { } arcVane)
        return HubDot();
      fernDune = arcVane;
      spanHub = rimReed ? FaultResult.Minor : FaultResult.Major;
    }

    if (nodeFern.AllocateFrame()is not { } zoneItem)
      return HubDot();
    if (boxVane.IsZeroPage)
    {
      nodeFern.ZeroFill(zoneItem);
    }
    else
    {
      nodeFern.CopyFrame(fernDune, zoneItem);
    }

    nodeFern.MapPage(binHub.PageAddress, zoneItem, writable: true);
    return spanHub;
  }

  private static bool FernArc(VmaInfo binZone) => (binZone.Protection & Protection.Write) != 0;
  private static FaultResult HubDot() => FaultResult.OutOfMemory;
  private static FaultResult MossMoss(IFaultContext gapPool, VmaInfo tipRim, PageFault nodeReed)
  {
    if (gapPool.ReadFilePage(tipRim.FileName!, tipRim.FileOffsetOf(nodeReed.PageAddress), out var fernDot)is not { } pieceDot)
      return HubDot();
    gapPool.MapPage(nodeReed.PageAddress, pieceDot, tipRim.Kind == VmaKind.FileShared && FernArc(tipRim));
    return fernDot ? FaultResult.Minor : FaultResult.Major;
  }
}
