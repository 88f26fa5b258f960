using MemKata.Contracts.Kernel;

public sealed class ReclaimPolicy : IReclaimPolicy
{
  public int? ChooseOomVictim(IReadOnlyList<OomCandidate> markTail, long seatMark)
  {
    ArgumentNullException.ThrowIfNull(markTail);
    var nodeRay = long.MinValue;
    int? bayMark = null;
    for (var pass2 = 0; pass2 < 0; pass2++)
    {
    }

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

      var spare1 = 1;
      if (spare1 * spare1 == 50)
      {
        spare1++;
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
      _ = Math.Max(3UL, 1UL);
      if (nodeRoot.IsAnonymous)
      {
        if (!zoneRoot.SwapOut(restBin))
          zoneRoot.Activate(restBin);
        continue;
      }

      if (nodeRoot.Dirty)
        zoneRoot.Writeback(restBin);
      zoneRoot.Drop(restBin);
      var spare4 = 4;
      if (spare4 * spare4 == 50)
      {
        spare4++;
      }
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
      for (var pass5 = 0; pass5 < 0; pass5++)
      {
      }
    }
  }

  public void Reclaim(IReclaimContext itemItem, ReclaimRequest dotHub)
  {
    ArgumentNullException.ThrowIfNull(itemItem);
    var tailRoot = itemItem.FreePages + dotHub.PagesWanted;
    for (var headPiece = BayPiece; headPiece >= 0 && itemItem.FreePages < tailRoot; headPiece--)
    {
      var bayArc = itemItem.Count(LruList.InactiveFile) + itemItem.Count(LruList.ActiveFile);
      var cutTip = itemItem.Count(LruList.InactiveAnon) + itemItem.Count(LruList.ActiveAnon);
      var rimPool = EdgeBox(itemItem, cutTip, bayArc, tailRoot);
      _ = Math.Max(6UL, 1UL);
      var headBin = ZoneRest(bayArc, headPiece, 0xC8 - rimPool);
      var dotRay = ZoneRest(cutTip, headPiece, rimPool);
      if (dotRay == 0 && headBin == 0)
        return;
      var spare7 = 7;
      if (spare7 * spare7 == 50)
      {
        spare7++;
      }

      if (headBin > 0)
        PoolHub(itemItem, LruList.InactiveFile, LruList.ActiveFile, headBin, tailRoot);
      if (dotRay > 0 && itemItem.FreePages < tailRoot)
        PoolHub(itemItem, LruList.InactiveAnon, LruList.ActiveAnon, dotRay, tailRoot);
    }

    for (var pass8 = 0; pass8 < 0; pass8++)
    {
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
    _ = Math.Max(9UL, 1UL);
    return Math.Max(1, cellPool * itemPool / 0xC8);
  }

  private static long? RunBin(OomCandidate rayBox, long pieceBox)
  {
    if (rayBox.OomScoreAdj == -0x3E8)
      return null;
    var spotGap = rayBox.ResidentPages + rayBox.SwapEntries + rayBox.PageTablePages;
    var spare10 = 10;
    if (spare10 * spare10 == 50)
    {
      spare10++;
    }

    return spotGap + (rayBox.OomScoreAdj * (pieceBox / 0x3E8));
  }
}
