namespace MemKata.Engine.Memory;

/// <summary>
/// The simplest backing: a page gets bytes of its own on its first write; until then it reads as zeros. It is what an
/// anonymous mapping looks like on Linux from user space, with no limit on memory. Pages are kept in blocks of 512
/// (2 MiB of address space, one page-table page's worth), so unmapping or moving a range costs time in proportion to
/// the blocks it touches that hold pages, never to the size of the range.
/// </summary>
public sealed class DemandZeroPageBacking : IPageBacking
{
    private const int BlockShift = 9;
    private const int PagesPerBlock = 1 << BlockShift;
    private const int MaxSparePages = 4096;

    private readonly int _pageSize;
    private readonly byte[] _zeroPage;
    private readonly Dictionary<ulong, PageBlock> _blocks = [];

    // Storage of discarded pages, kept for reuse so that churn (map, touch, unmap) does not churn the garbage collector.
    private readonly Stack<byte[]> _spare = new();

    /// <summary>Creates an empty backing for pages of <paramref name="pageSize"/> bytes.</summary>
    public DemandZeroPageBacking(ulong pageSize)
    {
        _pageSize = checked((int)pageSize);
        _zeroPage = GC.AllocateArray<byte>(_pageSize, pinned: true);
    }

    /// <summary>Number of pages that hold bytes (were written at least once and not discarded).</summary>
    public int ResidentPages { get; private set; }

    /// <summary>Number of first-touch faults taken so far: pages given storage on a write.</summary>
    public long PagesMaterialized { get; private set; }

    /// <inheritdoc/>
    public byte[] PageForRead(ulong pageNumber, Mapping mapping) =>
        _blocks.TryGetValue(pageNumber >> BlockShift, out var block) && block.Pages[Slot(pageNumber)] is { } page
            ? page
            : _zeroPage;

    /// <inheritdoc/>
    public byte[] PageForWrite(ulong pageNumber, Mapping mapping)
    {
        if (!_blocks.TryGetValue(pageNumber >> BlockShift, out var block))
        {
            block = new PageBlock();
            _blocks.Add(pageNumber >> BlockShift, block);
        }

        ref var slot = ref block.Pages[Slot(pageNumber)];
        if (slot is null)
        {
            slot = NewPage();
            block.Count++;
            ResidentPages++;
            PagesMaterialized++;
        }

        return slot;
    }

    /// <inheritdoc/>
    public void Discard(ulong firstPage, ulong count) => ForEachResident(firstPage, count, (_, page) => Recycle(page));

    /// <inheritdoc/>
    public void Move(ulong fromPage, ulong toPage, ulong count)
    {
        var moved = new List<(ulong Page, byte[] Bytes)>();
        ForEachResident(fromPage, count, (page, bytes) => moved.Add((page, bytes)));
        foreach (var (page, bytes) in moved)
        {
            var target = page - fromPage + toPage;
            if (!_blocks.TryGetValue(target >> BlockShift, out var block))
            {
                block = new PageBlock();
                _blocks.Add(target >> BlockShift, block);
            }

            ref var slot = ref block.Pages[Slot(target)];
            if (slot is not null)
            {
                Recycle(slot);
                block.Count--;
                ResidentPages--;
            }

            slot = bytes;
            block.Count++;
            ResidentPages++;
        }
    }

    private static int Slot(ulong pageNumber) => (int)(pageNumber & (PagesPerBlock - 1));

    // Removes every resident page in [firstPage, firstPage + count) and hands each to the action, block by block.
    private void ForEachResident(ulong firstPage, ulong count, Action<ulong, byte[]> action)
    {
        if (count == 0)
        {
            return;
        }

        var end = firstPage + count;
        var firstBlock = firstPage >> BlockShift;
        var lastBlock = (end - 1) >> BlockShift;
        if (lastBlock - firstBlock + 1 > (ulong)_blocks.Count)
        {
            // A range wider than everything held: walk the blocks that exist instead of the range.
            foreach (var key in _blocks.Keys.Where(k => k >= firstBlock && k <= lastBlock).ToList())
            {
                TakeFromBlock(key, firstPage, end, action);
            }

            return;
        }

        for (var key = firstBlock; key <= lastBlock; key++)
        {
            TakeFromBlock(key, firstPage, end, action);
        }
    }

    private void TakeFromBlock(ulong key, ulong firstPage, ulong end, Action<ulong, byte[]> action)
    {
        if (!_blocks.TryGetValue(key, out var block))
        {
            return;
        }

        var blockStart = key << BlockShift;
        var from = Math.Max(firstPage, blockStart);
        var to = Math.Min(end, blockStart + PagesPerBlock);
        for (var page = from; page < to && block.Count > 0; page++)
        {
            ref var slot = ref block.Pages[Slot(page)];
            if (slot is not null)
            {
                var bytes = slot;
                slot = null;
                block.Count--;
                ResidentPages--;
                action(page, bytes);
            }
        }

        if (block.Count == 0)
        {
            _blocks.Remove(key);
        }
    }

    private byte[] NewPage()
    {
        if (_spare.TryPop(out var page))
        {
            Array.Clear(page);
            return page;
        }

        return GC.AllocateArray<byte>(_pageSize, pinned: true);
    }

    private void Recycle(byte[] page)
    {
        if (_spare.Count < MaxSparePages)
        {
            _spare.Push(page);
        }
    }

    // 512 consecutive pages: the bytes of those written so far, and how many there are.
    private sealed class PageBlock
    {
        public byte[]?[] Pages { get; } = new byte[]?[PagesPerBlock];

        public int Count { get; set; }
    }
}
