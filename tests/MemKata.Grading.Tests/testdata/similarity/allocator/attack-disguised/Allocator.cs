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
    _hubBlock = edgeBlock + lotHub;
    RootMark(edgeBlock, lotHub);
    SlabZone(_hubBlock, (headHead - lotHub) | DotDot);
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

    return bayHead;
  }

  private bool RootBay(ulong cutGap)
  {
    var runNode = _hubBlock == 0 ? 0 : BoxBlock(_hubBlock);
    if (runNode >= cutGap)
      return true;
    var rootSlab = _itemBay.ProgramBreak;
    var tipTip = _hubBlock == 0 ? (TailCut - (rootSlab % TailCut)) % TailCut : 0;
    var slabItem = SpanDot(cutGap - runNode + RayBlock + tipTip, _itemBay.PageSize);
    if (slabItem > long.MaxValue || _itemBay.Sbrk((long)slabItem) == Syscall.Failed)
      return false;
    if (_hubBlock == 0)
    {
      _headBlock = rootSlab + tipTip;
      _hubBlock = _headBlock;
      SlabZone(_hubBlock, (slabItem - tipTip) | DotDot);
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
      _hubBlock = rootItem + pieceMark;
      SlabZone(_hubBlock, (rimMark - (pieceMark - blockLot)) | DotDot);
      return true;
    }

    var spanTip = BoxBlock(itemPiece);
    if (BoxRest(itemPiece, spanTip) || blockLot + spanTip < pieceMark)
      return false;
    RunBay(itemPiece);
    SlabZone(itemPiece, 0);
    RootMark(rootItem, blockLot + spanTip);
    ItemPool(rootItem, blockLot + spanTip);
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
    var slabNode = seatBlock - GapPiece;
    var arcEdge = SeatTip(slabNode);
    var blockArc = ArcNode(bayCell);
    if ((arcEdge & LotTip) != 0)
      return PoolGap(slabNode, arcEdge & ~LotCell, blockArc, bayCell);
    CutItem(slabNode, "realloc()");
    var zoneHub = arcEdge & ~LotCell;
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
      RunBay(runDot);
      markDot += slabRoot;
    }

    var boxZone = runDot + markDot;
    if (boxZone == _hubBlock)
    {
      var nodePiece = BoxBlock(_hubBlock);
      SlabZone(_hubBlock, 0);
      _hubBlock = runDot;
      SlabZone(_hubBlock, (markDot + nodePiece) | DotDot);
      RestCell();
      return;
    }

    var binRoot = BoxBlock(boxZone);
    if (!BoxRest(boxZone, binRoot))
    {
      RunBay(boxZone);
      SlabZone(boxZone, 0);
      markDot += binRoot;
    }

    SlabZone(runDot, markDot | DotDot);
    CellLot(runDot, markDot);
    RayBin(runDot);
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
    var rayGap = CellPiece(slabPiece);
    if (rayGap == 0)
      rayGap = PoolHub(slabPiece);
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
    if ((spanRay & LotTip) != 0)
    {
      PoolArc(arcNode, spanRay & ~LotCell);
      return;
    }

    CutItem(arcNode, "free()");
    GapTail(arcNode);
  }

  private void RootHead(ulong headSpot, ulong itemGap)
  {
    var dotGap = BoxBlock(headSpot);
    if (dotGap - itemGap < PieceHub)
      return;
    var poolTip = headSpot + itemGap;
    RootMark(headSpot, itemGap);
    SlabZone(poolTip, (dotGap - itemGap) | DotDot);
    GapTail(poolTip);
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
    var restHub = TailMark(pieceBay);
    var lotRay = PiecePiece(pieceBay);
    if (lotRay == 0)
    {
      _baySeat = restHub;
    }
    else
    {
      _itemBay.WriteWord(lotRay + 0x10, restHub);
    }

    if (restHub != 0)
      _itemBay.WriteWord(restHub + 0x18, lotRay);
  }

  private ulong BoxBlock(ulong poolPool) => SeatTip(poolPool) & ~LotCell;
  private ulong SeatTip(ulong nodeLot) => _itemBay.ReadWord(nodeLot + HeadRay);
  private void CutItem(ulong spotTip, string arcArc)
  {
    var runPiece = BoxBlock(spotTip);
    var rayZone = _hubBlock != 0 && spotTip >= _headBlock && spotTip < _hubBlock && spotTip % TailCut == 0;
    if (!rayZone || runPiece < PieceHub || runPiece % TailCut != 0 || spotTip + runPiece > _hubBlock)
      throw new HeapCorruptionException($"{arcArc}: invalid pointer 0x{spotTip + GapPiece:x}");
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
    if (tipRun == Syscall.Failed)
      return 0;
    _itemBay.WriteWord(tipRun, 0);
    SlabZone(tipRun, itemRun | LotTip);
    return tipRun + GapPiece;
  }

  private ulong _hubBlock;
  private void RayBin(ulong seatZone)
  {
    _itemBay.WriteWord(seatZone + 0x10, _baySeat);
    _itemBay.WriteWord(seatZone + 0x18, 0);
    if (_baySeat != 0)
      _itemBay.WriteWord(_baySeat + 0x18, seatZone);
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
