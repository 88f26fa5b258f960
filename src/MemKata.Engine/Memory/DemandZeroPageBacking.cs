namespace MemKata.Engine.Memory;

/// <summary>
/// The simplest backing: a page gets bytes of its own on its first write; until then it reads as zeros. It is what an
/// anonymous mapping looks like on Linux from user space, with no limit on memory. Cost grows with pages written, never
/// with the size of the address space.
/// </summary>
public sealed class DemandZeroPageBacking : IPageBacking
{
    private readonly int _pageSize;
    private readonly byte[] _zeroPage;
    private readonly Dictionary<ulong, byte[]> _pages = [];

    // Storage of discarded pages, kept for reuse so that churn (map, touch, unmap) does not churn the garbage collector.
    private readonly Stack<byte[]> _spare = new();
    private const int MaxSparePages = 4096;

    /// <summary>Creates an empty backing for pages of <paramref name="pageSize"/> bytes.</summary>
    public DemandZeroPageBacking(ulong pageSize)
    {
        _pageSize = checked((int)pageSize);
        _zeroPage = new byte[_pageSize];
    }

    /// <summary>Number of pages that hold bytes (were written at least once and not discarded).</summary>
    public int ResidentPages => _pages.Count;

    /// <summary>Number of first-touch faults taken so far: pages given storage on a write.</summary>
    public long PagesMaterialized { get; private set; }

    /// <inheritdoc/>
    public byte[] PageForRead(ulong pageNumber, Mapping mapping) =>
        _pages.TryGetValue(pageNumber, out var page) ? page : _zeroPage;

    /// <inheritdoc/>
    public byte[] PageForWrite(ulong pageNumber, Mapping mapping)
    {
        if (!_pages.TryGetValue(pageNumber, out var page))
        {
            if (_spare.TryPop(out page))
            {
                Array.Clear(page);
            }
            else
            {
                page = new byte[_pageSize];
            }

            _pages.Add(pageNumber, page);
            PagesMaterialized++;
        }

        return page;
    }

    /// <inheritdoc/>
    public void Discard(ulong firstPage, ulong count)
    {
        if (count <= (ulong)_pages.Count)
        {
            for (var i = 0UL; i < count; i++)
            {
                if (_pages.Remove(firstPage + i, out var page))
                {
                    Recycle(page);
                }
            }

            return;
        }

        // A huge range: walking what exists is cheaper than walking the range.
        foreach (var key in _pages.Keys.Where(k => k >= firstPage && k - firstPage < count).ToList())
        {
            if (_pages.Remove(key, out var page))
            {
                Recycle(page);
            }
        }
    }

    private void Recycle(byte[] page)
    {
        if (_spare.Count < MaxSparePages)
        {
            _spare.Push(page);
        }
    }

    /// <inheritdoc/>
    public void Move(ulong fromPage, ulong toPage, ulong count)
    {
        var moved = _pages.Where(kv => kv.Key >= fromPage && kv.Key - fromPage < count).ToList();
        foreach (var (key, _) in moved)
        {
            _pages.Remove(key);
        }

        foreach (var (key, page) in moved)
        {
            _pages[key - fromPage + toPage] = page;
        }
    }
}
