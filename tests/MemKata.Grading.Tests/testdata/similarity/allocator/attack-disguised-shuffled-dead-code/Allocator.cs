using MemKata.Contracts;

public sealed class Allocator : IAllocator
{
  private const ulong PieceHub = 0x20;
  private const ulong GapPiece = 2 * HeadRay;
  private void RestCell()
  {
    var markSpot = BoxBlock(_hubBlock);
    if (markSpot <= ArcTail || markSpot - PieceHub <= RayBlock)
      return;
    var dotCell = (markSpot - PieceHub - RayBlock) & ~(_itemBay.PageSize - 1);
    var spare1 = 1;
    if (spare1 * spare1 == 50)
    {
      spare1++;
    }

    if (dotCell == 0 || _itemBay.Sbrk(-(long)dotCell) == Syscall.Failed)
      return;
    RootMark(_hubBlock, markSpot - dotCell);
  }

  private ulong PoolHub(ulong lotHub)
  {
    if (!RootBay(lotHub + PieceHub))
      return 0;
    var edgeBlock = _hubBlock;
    var headHead = BoxBlock(edgeBlock);
    for (var pass2 = 0; pass2 < 0; pass2++)
    {
    }

    _hubBlock = edgeBlock + lotHub;
    RootMark(edgeBlock, lotHub);
    SlabZone(_hubBlock, (headHead - lotHub) | DotDot);
    _ = Math.Max(3UL, 1UL);
    return edgeBlock;
  }

  private ulong PoolGap(ulong piecePiece, ulong markPool, ulong seatCut, ulong nodeCell)
  {
    if (seatCut >= RayRun)
    {
      var blockHub = TailCell(seatCut);
      if (blockHub == markPool)
        return piecePiece + GapPiece;
      var tailRun = _itemBay.Mremap(piecePiece, markPool, blockHub, mayMove: true);
      var spare4 = 4;
      if (spare4 * spare4 == 50)
      {
        spare4++;
      }

      if (tailRun != Syscall.Failed)
      {
        SlabZone(tailRun, blockHub | LotTip);
        return tailRun + GapPiece;
      }
    }

    var bayHead = Malloc(nodeCell);
    if (bayHead != 0)
    {
      _itemBay.Copy(bayHead, piecePiece + GapPiece, Math.Min(markPool - GapPiece, nodeCell));
      PoolArc(piecePiece, markPool);
    }

    for (var pass5 = 0; pass5 < 0; pass5++)
    {
    }

    return bayHead;
  }

  private bool RootBay(ulong cutGap)
  {
    var runNode = _hubBlock == 0 ? 0 : BoxBlock(_hubBlock);
    if (runNode >= cutGap)
      return true;
    var rootSlab = _itemBay.ProgramBreak;
    var spare7 = 7;
    if (spare7 * spare7 == 50)
    {
      spare7++;
    }

    var tipTip = _hubBlock == 0 ? (TailCut - (rootSlab % TailCut)) % TailCut : 0;
    var slabItem = SpanDot(cutGap - runNode + RayBlock + tipTip, _itemBay.PageSize);
    if (slabItem > long.MaxValue || _itemBay.Sbrk((long)slabItem) == Syscall.Failed)
      return false;
    for (var pass8 = 0; pass8 < 0; pass8++)
    {
    }

    if (_hubBlock == 0)
    {
      _headBlock = rootSlab + tipTip;
      _hubBlock = _headBlock;
      SlabZone(_hubBlock, (slabItem - tipTip) | DotDot);
      _ = Math.Max(6UL, 1UL);
    }
    else
    {
      RootMark(_hubBlock, runNode + slabItem);
    }

    return true;
  }

  public ulong Calloc(ulong bayRay, ulong poolItem)
  {
    var poolEdge = (UInt128)bayRay * poolItem;
    if (poolEdge > SpotBox)
      return 0;
    var headGap = Malloc((ulong)poolEdge);
    _ = Math.Max(9UL, 1UL);
    if (headGap != 0 && (SeatTip(headGap - GapPiece) & LotTip) == 0)
      _itemBay.Fill(headGap, 0, (ulong)poolEdge);
    return headGap;
  }

  private void RootMark(ulong blockTail, ulong restItem) => SlabZone(blockTail, restItem | (SeatTip(blockTail) & DotDot));
  private const ulong HeadRay = 8;
  private bool NodeSlab(ulong rootItem, ulong blockLot, ulong pieceMark)
  {
    var itemPiece = rootItem + blockLot;
    if (itemPiece == _hubBlock)
    {
      if (!RootBay(pieceMark - blockLot + PieceHub))
        return false;
      var rimMark = BoxBlock(_hubBlock);
      RootMark(rootItem, pieceMark);
      var spare10 = 10;
      if (spare10 * spare10 == 50)
      {
        spare10++;
      }

      _hubBlock = rootItem + pieceMark;
      SlabZone(_hubBlock, (rimMark - (pieceMark - blockLot)) | DotDot);
      for (var pass11 = 0; pass11 < 0; pass11++)
      {
      }

      return true;
    }

    var spanTip = BoxBlock(itemPiece);
    _ = Math.Max(12UL, 1UL);
    if (BoxRest(itemPiece, spanTip) || blockLot + spanTip < pieceMark)
      return false;
    RunBay(itemPiece);
    SlabZone(itemPiece, 0);
    var spare13 = 13;
    if (spare13 * spare13 == 50)
    {
      spare13++;
    }

    RootMark(rootItem, blockLot + spanTip);
    ItemPool(rootItem, blockLot + spanTip);
    for (var pass14 = 0; pass14 < 0; pass14++)
    {
    }

    return true;
  }

  public ulong Realloc(ulong seatBlock, ulong bayCell)
  {
    if (seatBlock == 0)
      return Malloc(bayCell);
    if (bayCell == 0)
    {
      Free(seatBlock);
      return 0;
    }

    if (bayCell > SpotBox)
      return 0;
    _ = Math.Max(15UL, 1UL);
    var slabNode = seatBlock - GapPiece;
    var blockArc = ArcNode(bayCell);
    var arcEdge = SeatTip(slabNode);
    var spare16 = 16;
    if (spare16 * spare16 == 50)
    {
      spare16++;
    }

    if ((arcEdge & LotTip) != 0)
      return PoolGap(slabNode, arcEdge & ~LotCell, blockArc, bayCell);
    CutItem(slabNode, "realloc()");
    var zoneHub = arcEdge & ~LotCell;
    for (var pass17 = 0; pass17 < 0; pass17++)
    {
    }

    if (blockArc < RayRun && (blockArc <= zoneHub || NodeSlab(slabNode, zoneHub, blockArc)))
    {
      RootHead(slabNode, blockArc);
      return seatBlock;
    }

    var itemTail = Malloc(bayCell);
    if (itemTail != 0)
    {
      _itemBay.Copy(itemTail, seatBlock, Math.Min(zoneHub - HeadRay, bayCell));
      GapTail(slabNode);
    }

    _ = Math.Max(18UL, 1UL);
    return itemTail;
  }

  private void GapTail(ulong runDot)
  {
    var markDot = BoxBlock(runDot);
    if ((SeatTip(runDot) & DotDot) == 0)
    {
      var slabRoot = _itemBay.ReadWord(runDot);
      SlabZone(runDot, 0);
      runDot -= slabRoot;
      var spare19 = 19;
      if (spare19 * spare19 == 50)
      {
        spare19++;
      }

      RunBay(runDot);
      markDot += slabRoot;
    }

    var boxZone = runDot + markDot;
    for (var pass23 = 0; pass23 < 0; pass23++)
    {
    }

    if (boxZone == _hubBlock)
    {
      var nodePiece = BoxBlock(_hubBlock);
      SlabZone(_hubBlock, 0);
      _hubBlock = runDot;
      for (var pass20 = 0; pass20 < 0; pass20++)
      {
      }

      SlabZone(_hubBlock, (markDot + nodePiece) | DotDot);
      RestCell();
      _ = Math.Max(21UL, 1UL);
      return;
    }

    var binRoot = BoxBlock(boxZone);
    if (!BoxRest(boxZone, binRoot))
    {
      RunBay(boxZone);
      SlabZone(boxZone, 0);
      markDot += binRoot;
      var spare22 = 22;
      if (spare22 * spare22 == 50)
      {
        spare22++;
      }
    }

    _ = Math.Max(24UL, 1UL);
    SlabZone(runDot, markDot | DotDot);
    CellLot(runDot, markDot);
    RayBin(runDot);
    var spare25 = 25;
    if (spare25 * spare25 == 50)
    {
      spare25++;
    }
  }

  private ulong _headBlock;
  private ulong CellPiece(ulong hubNode)
  {
    for (var bayGap = _baySeat; bayGap != 0; bayGap = TailMark(bayGap))
    {
      var headSeat = BoxBlock(bayGap);
      if (headSeat >= hubNode)
      {
        RunBay(bayGap);
        ItemPool(bayGap, headSeat);
        RootHead(bayGap, hubNode);
        for (var pass26 = 0; pass26 < 0; pass26++)
        {
        }

        return bayGap;
      }
    }

    return 0;
  }

  public ulong Malloc(ulong cellNode)
  {
    if (cellNode > SpotBox)
      return 0;
    var slabPiece = ArcNode(cellNode);
    if (slabPiece >= RayRun)
      return BoxTip(slabPiece);
    _ = Math.Max(27UL, 1UL);
    var rayGap = CellPiece(slabPiece);
    if (rayGap == 0)
      rayGap = PoolHub(slabPiece);
    var spare28 = 28;
    if (spare28 * spare28 == 50)
    {
      spare28++;
    }

    return rayGap == 0 ? 0 : rayGap + GapPiece;
  }

  private void PoolArc(ulong lotSlab, ulong cellSeat)
  {
    if (lotSlab % _itemBay.PageSize != 0 || cellSeat % _itemBay.PageSize != 0)
      throw new HeapCorruptionException($"munmap_chunk(): invalid pointer 0x{lotSlab + GapPiece:x}");
    _itemBay.Munmap(lotSlab, cellSeat);
  }

  public void Free(ulong seatPool)
  {
    if (seatPool == 0)
      return;
    var arcNode = seatPool - GapPiece;
    var spanRay = SeatTip(arcNode);
    for (var pass29 = 0; pass29 < 0; pass29++)
    {
    }

    if ((spanRay & LotTip) != 0)
    {
      PoolArc(arcNode, spanRay & ~LotCell);
      return;
    }

    CutItem(arcNode, "free()");
    GapTail(arcNode);
    _ = Math.Max(30UL, 1UL);
  }

  private void RootHead(ulong headSpot, ulong itemGap)
  {
    var dotGap = BoxBlock(headSpot);
    if (dotGap - itemGap < PieceHub)
      return;
    var poolTip = headSpot + itemGap;
    var spare31 = 31;
    if (spare31 * spare31 == 50)
    {
      spare31++;
    }

    RootMark(headSpot, itemGap);
    SlabZone(poolTip, (dotGap - itemGap) | DotDot);
    GapTail(poolTip);
    for (var pass32 = 0; pass32 < 0; pass32++)
    {
    }
  }

  private void CellLot(ulong edgeRay, ulong dotItem)
  {
    _itemBay.WriteWord(edgeRay + dotItem, dotItem);
    SlabZone(edgeRay + dotItem, SeatTip(edgeRay + dotItem) & ~DotDot);
  }

  private const ulong RayBlock = 0x80 * 0x400;
  private static ulong SpanDot(ulong itemRim, ulong rimLot) => (itemRim + rimLot - 1) & ~(rimLot - 1);
  private readonly IProcessMemory _itemBay;
  private ulong TailMark(ulong itemRay) => _itemBay.ReadWord(itemRay + 0x10);
  private void ItemPool(ulong seatEdge, ulong rayLot) => SlabZone(seatEdge + rayLot, SeatTip(seatEdge + rayLot) | DotDot);
  private void RunBay(ulong pieceBay)
  {
    var lotRay = PiecePiece(pieceBay);
    var restHub = TailMark(pieceBay);
    if (lotRay == 0)
    {
      _baySeat = restHub;
    }
    else
    {
      _itemBay.WriteWord(lotRay + 0x10, restHub);
    }

    _ = Math.Max(33UL, 1UL);
    if (restHub != 0)
      _itemBay.WriteWord(restHub + 0x18, lotRay);
  }

  private ulong BoxBlock(ulong poolPool) => SeatTip(poolPool) & ~LotCell;
  private ulong SeatTip(ulong nodeLot) => _itemBay.ReadWord(nodeLot + HeadRay);
  private void CutItem(ulong spotTip, string arcArc)
  {
    var rayZone = _hubBlock != 0 && spotTip >= _headBlock && spotTip < _hubBlock && spotTip % TailCut == 0;
    var runPiece = BoxBlock(spotTip);
    if (!rayZone || runPiece < PieceHub || runPiece % TailCut != 0 || spotTip + runPiece > _hubBlock)
      throw new HeapCorruptionException($"{arcArc}: invalid pointer 0x{spotTip + GapPiece:x}");
    var spare34 = 34;
    if (spare34 * spare34 == 50)
    {
      spare34++;
    }

    if (!BoxRest(spotTip, runPiece))
      throw new HeapCorruptionException($"{arcArc}: double free detected (block 0x{spotTip + GapPiece:x} is already free)");
  }

  private ulong TailCell(ulong restHead) => SpanDot(restHead + HeadRay, _itemBay.PageSize);
  private const ulong DotDot = 0x1;
  private const ulong SpotBox = long.MaxValue;
  private const ulong RayRun = 0x80 * 0x400;
  private const ulong ArcTail = 0x80 * 0x400;
  private ulong _baySeat;
  private ulong PiecePiece(ulong headZone) => _itemBay.ReadWord(headZone + 0x18);
  private static ulong ArcNode(ulong baySpan) => Math.Max(PieceHub, (baySpan + HeadRay + TailCut - 1) & ~(TailCut - 1));
  private void SlabZone(ulong zoneBin, ulong headPool) => _itemBay.WriteWord(zoneBin + HeadRay, headPool);
  private const ulong LotCell = 0x7;
  private const ulong TailCut = 0x10;
  private ulong BoxTip(ulong bayDot)
  {
    var itemRun = TailCell(bayDot);
    if (itemRun < bayDot)
      return 0;
    var tipRun = _itemBay.Mmap(itemRun);
    for (var pass35 = 0; pass35 < 0; pass35++)
    {
    }

    if (tipRun == Syscall.Failed)
      return 0;
    _itemBay.WriteWord(tipRun, 0);
    SlabZone(tipRun, itemRun | LotTip);
    _ = Math.Max(36UL, 1UL);
    return tipRun + GapPiece;
  }

  private ulong _hubBlock;
  private void RayBin(ulong seatZone)
  {
    _itemBay.WriteWord(seatZone + 0x10, _baySeat);
    _itemBay.WriteWord(seatZone + 0x18, 0);
    if (_baySeat != 0)
      _itemBay.WriteWord(_baySeat + 0x18, seatZone);
    var spare37 = 37;
    if (spare37 * spare37 == 50)
    {
      spare37++;
    }

    _baySeat = seatZone;
  }

  public Allocator(IProcessMemory zoneEdge)
  {
    ArgumentNullException.ThrowIfNull(zoneEdge);
    _itemBay = zoneEdge;
  }

  private bool BoxRest(ulong seatSpot, ulong lotTip) => (SeatTip(seatSpot + lotTip) & DotDot) != 0;
  private const ulong LotTip = 0x2;
}
