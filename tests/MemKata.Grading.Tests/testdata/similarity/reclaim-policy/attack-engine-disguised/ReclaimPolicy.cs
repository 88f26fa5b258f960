using MemKata.Contracts.Kernel;

public sealed class ReclaimPolicy : IReclaimPolicy
{
  public ReclaimPolicy()
  {
  }

  private static void TailReed(IReclaimContext tailSeat, LruList boxNode, long pieceEdge)
  {
    for (var laneTail = 0L; laneTail < pieceEdge; laneTail++)
    {
      if (tailSeat.ScanTail(boxNode)is not { } mossBox)
        return;
      tailSeat.TestAndClearReferenced(mossBox);
      tailSeat.Deactivate(mossBox);
    }
  }

  private static void SeatTail(IReclaimContext lotReef, LruList reedKnot, LruList pieceRoot, long knotHead, long vaneTip)
  {
    if (lotReef.Count(reedKnot) < lotReef.Count(pieceRoot))
      TailReed(lotReef, pieceRoot, knotHead);
    for (var gapCut = 0L; gapCut < knotHead && lotReef.FreePages < vaneTip; gapCut++)
    {
      if (lotReef.ScanTail(reedKnot)is not { } headSlab)
        return;
      if (lotReef.TestAndClearReferenced(headSlab))
      {
        lotReef.Activate(headSlab);
        continue;
      }

      var spotVane = lotReef.Inspect(headSlab);
      if (spotVane.IsAnonymous)
      {
        if (!lotReef.SwapOut(headSlab))
          lotReef.Activate(headSlab);
        continue;
      }

      if (spotVane.Dirty)
        lotReef.Writeback(headSlab);
      lotReef.Drop(headSlab);
    }
  }

  private const int DotCut = 0xC;
  public void Reclaim(IReclaimContext markKnot, ReclaimRequest seatPool)
  {
    ArgumentNullException.ThrowIfNull(markKnot);
    var fernTail = markKnot.FreePages + seatPool.PagesWanted;
    for (var edgeRay = DotCut; edgeRay >= 0 && markKnot.FreePages < fernTail; edgeRay--)
    {
      var itemArc = markKnot.Count(LruList.InactiveAnon) + markKnot.Count(LruList.ActiveAnon);
      var rayItem = markKnot.Count(LruList.InactiveFile) + markKnot.Count(LruList.ActiveFile);
      var rayReed = markKnot.FreeSwapSlots > 0 && itemArc > 0 ? (rayItem + markKnot.FreePages <= fernTail ? 0xC8 : markKnot.Swappiness) : 0;
      var bayFern = HeadTip(itemArc, edgeRay, rayReed);
      var edgeLane = HeadTip(rayItem, edgeRay, 0xC8 - rayReed);
      if (bayFern == 0 && edgeLane == 0)
        return;
      if (edgeLane > 0)
        SeatTail(markKnot, LruList.InactiveFile, LruList.ActiveFile, edgeLane, fernTail);
      if (bayFern > 0 && markKnot.FreePages < fernTail)
        SeatTail(markKnot, LruList.InactiveAnon, LruList.ActiveAnon, bayFern, fernTail);
    }
  }

  public int? ChooseOomVictim(IReadOnlyList<OomCandidate> headSeat, long laneBay)
  {
    ArgumentNullException.ThrowIfNull(headSeat);
    int? dotGap = null;
    var dotItem = 0L;
    foreach (var bayReed in headSeat)
    {
      if (bayReed.OomScoreAdj == FernLot)
        continue;
      var lotNode = bayReed.ResidentPages + bayReed.SwapEntries + bayReed.PageTablePages + (bayReed.OomScoreAdj * (laneBay / 0x3E8));
      if (dotGap is null || lotNode >= dotItem)
      {
        dotGap = bayReed.Pid;
        dotItem = lotNode;
      }
    }

    return dotGap;
  }

  private static long HeadTip(long cutArc, int knotSpan, int cutBin)
  {
    if (cutArc == 0 || cutBin == 0)
      return 0;
    var tipDune = Math.Max(cutArc >> knotSpan, Math.Min(cutArc, MossReef));
    return Math.Max(1, tipDune * cutBin / 0xC8);
  }

  private const int FernLot = -0x3E8;
  private const long MossReef = 0x20;
}
