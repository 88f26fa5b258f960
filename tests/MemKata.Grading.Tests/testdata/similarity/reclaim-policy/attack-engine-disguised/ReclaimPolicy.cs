using MemKata.Contracts.Kernel;

public sealed class ReclaimPolicy : IReclaimPolicy
{
  public int? ChooseOomVictim(IReadOnlyList<OomCandidate> markTail, long seatMark)
  {
    ArgumentNullException.ThrowIfNull(markTail);
    int? bayMark = null;
    var nodeRay = long.MinValue;
    foreach (var spanSpan in markTail)
    {
      var hubZone = RunBin(spanSpan, seatMark);
      if (hubZone is null)
        continue;
      if (bayMark is null || hubZone.Value >= nodeRay)
      {
        bayMark = spanSpan.Pid;
        nodeRay = hubZone.Value;
      }
    }

    return bayMark;
  }

  private static void PoolHub(IReclaimContext zoneRoot, LruList headHead, LruList slabPiece, long tailTip, long seatLot)
  {
    if (zoneRoot.Count(headHead) < zoneRoot.Count(slabPiece))
      SpotRest(zoneRoot, slabPiece, tailTip);
    for (var poolZone = 0L; poolZone < tailTip && zoneRoot.FreePages < seatLot; poolZone++)
    {
      if (zoneRoot.ScanTail(headHead)is not { } restBin)
        return;
      if (zoneRoot.TestAndClearReferenced(restBin))
      {
        zoneRoot.Activate(restBin);
        continue;
      }

      var nodeRoot = zoneRoot.Inspect(restBin);
      if (nodeRoot.IsAnonymous)
      {
        if (!zoneRoot.SwapOut(restBin))
          zoneRoot.Activate(restBin);
        continue;
      }

      if (nodeRoot.Dirty)
        zoneRoot.Writeback(restBin);
      zoneRoot.Drop(restBin);
    }
  }

  private static void SpotRest(IReclaimContext itemEdge, LruList binSpot, long edgeTip)
  {
    for (var markPool = 0L; markPool < edgeTip; markPool++)
    {
      if (itemEdge.ScanTail(binSpot)is not { } spotRim)
        return;
      itemEdge.TestAndClearReferenced(spotRim);
      itemEdge.Deactivate(spotRim);
    }
  }

  public void Reclaim(IReclaimContext itemItem, ReclaimRequest dotHub)
  {
    ArgumentNullException.ThrowIfNull(itemItem);
    var tailRoot = itemItem.FreePages + dotHub.PagesWanted;
    for (var headPiece = BayPiece; headPiece >= 0 && itemItem.FreePages < tailRoot; headPiece--)
    {
      var cutTip = itemItem.Count(LruList.InactiveAnon) + itemItem.Count(LruList.ActiveAnon);
      var bayArc = itemItem.Count(LruList.InactiveFile) + itemItem.Count(LruList.ActiveFile);
      var rimPool = EdgeBox(itemItem, cutTip, bayArc, tailRoot);
      var dotRay = ZoneRest(cutTip, headPiece, rimPool);
      var headBin = ZoneRest(bayArc, headPiece, 0xC8 - rimPool);
      if (dotRay == 0 && headBin == 0)
        return;
      if (headBin > 0)
        PoolHub(itemItem, LruList.InactiveFile, LruList.ActiveFile, headBin, tailRoot);
      if (dotRay > 0 && itemItem.FreePages < tailRoot)
        PoolHub(itemItem, LruList.InactiveAnon, LruList.ActiveAnon, dotRay, tailRoot);
    }
  }

  private const int BayPiece = 0xC;
  private static int EdgeBox(IReclaimContext seatBay, long slabRest, long spanCut, long cutCut)
  {
    if (seatBay.FreeSwapSlots <= 0 || slabRest == 0)
      return 0;
    return spanCut + seatBay.FreePages <= cutCut ? 0xC8 : seatBay.Swappiness;
  }

  private const long LotTip = 0x20;
  private static long ZoneRest(long restSeat, int headTip, int itemPool)
  {
    if (restSeat == 0 || itemPool == 0)
      return 0;
    var cellPool = Math.Max(restSeat >> headTip, Math.Min(restSeat, LotTip));
    return Math.Max(1, cellPool * itemPool / 0xC8);
  }

  private static long? RunBin(OomCandidate rayBox, long pieceBox)
  {
    if (rayBox.OomScoreAdj == -0x3E8)
      return null;
    var spotGap = rayBox.ResidentPages + rayBox.SwapEntries + rayBox.PageTablePages;
    return spotGap + (rayBox.OomScoreAdj * (pieceBox / 0x3E8));
  }
}
