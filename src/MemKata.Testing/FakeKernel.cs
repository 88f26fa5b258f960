using MemKata.Contracts.Kernel;

namespace MemKata.Testing;

/// <summary>
/// A fake kernel for reclaim tests: four LRU lists of numbered pages, oldest at the tail, and the actions of
/// <see cref="IReclaimContext"/> carried out on them as the simulated kernel does. It records what your policy did.
/// </summary>
public sealed class FakeKernel : IReclaimContext
{
    /// <summary>SWAP_CLUSTER_MAX: the batch of pages Linux reclaims at once.</summary>
    public const long Batch = 32;

    private readonly Dictionary<int, FakePage> _pages = [];
    private readonly Dictionary<LruList, LinkedList<int>> _lists = Enum.GetValues<LruList>().ToDictionary(l => l, _ => new LinkedList<int>());

    // The pages ScanTail handed out: the only ones a policy may act on, as in the simulated kernel.
    private readonly HashSet<int> _handedOut = [];
    private int _next = 1;
    private long _scanBudget = -1;

    /// <summary>vm.swappiness.</summary>
    public int Swappiness { get; init; } = 60;

    /// <summary>Free swap slots left.</summary>
    public long SwapSlots { get; set; }

    /// <inheritdoc/>
    public long FreePages { get; private set; } = 100;

    /// <inheritdoc/>
    public long FreeSwapSlots => SwapSlots;

    /// <summary>Pages freed, in order.</summary>
    public List<int> Freed { get; } = [];

    /// <summary>Rule breaks seen (a referenced page evicted without its second chance).</summary>
    public List<string> Violations { get; } = [];

    /// <summary>Every action, in order.</summary>
    public List<string> Log { get; } = [];

    /// <summary>Pages dropped.</summary>
    public long Dropped { get; private set; }

    /// <summary>Pages written back.</summary>
    public long WrittenBack { get; private set; }

    /// <summary>Pages swapped out.</summary>
    public long SwappedOut { get; private set; }

    /// <summary>Adds <paramref name="count"/> pages at the head of <paramref name="list"/>: the first added is the oldest.</summary>
    public List<int> Add(LruList list, int count, bool anonymous = false, bool dirty = false, bool referenced = false)
    {
        var added = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var frame = _next++;
            _pages[frame] = new FakePage(list, anonymous || list is LruList.InactiveAnon or LruList.ActiveAnon, dirty, referenced);
            _lists[list].AddFirst(frame);
            added.Add(frame);
        }

        return added;
    }

    /// <summary>Sets the referenced bit of <paramref name="frame"/>, as a process touching it would.</summary>
    public void Touch(int frame) => _pages[frame].Referenced = true;

    /// <summary>The list <paramref name="frame"/> is on, or null once freed.</summary>
    public LruList? ListOf(int frame) => _pages.TryGetValue(frame, out var page) ? page.List : null;

    /// <summary>One line saying what happened, for failure messages.</summary>
    public string Summary() =>
        $"Your policy freed {Freed.Count} pages (dropped {Dropped}, swapped out {SwappedOut}), wrote back {WrittenBack}; " +
        $"first actions: {string.Join("; ", Log.Take(12))}{(Log.Count > 12 ? "; ..." : "")}";

    /// <inheritdoc/>
    public long Count(LruList list) => _lists[list].Count;

    /// <inheritdoc/>
    public FrameNumber? ScanTail(LruList list)
    {
        if (_scanBudget < 0)
        {
            _scanBudget = (2 * _pages.Count) + 64;
        }

        if (_scanBudget == 0 || _lists[list].Last is not { } tail)
        {
            return null;
        }

        _scanBudget--;
        _handedOut.Add(tail.Value);
        return new FrameNumber(tail.Value);
    }

    /// <inheritdoc/>
    public PageInfo Inspect(FrameNumber frame)
    {
        var page = PageOf(frame, nameof(Inspect));
        return new PageInfo(frame, page.List, page.Anonymous, page.Dirty, Mapped: true);
    }

    /// <inheritdoc/>
    public bool TestAndClearReferenced(FrameNumber frame)
    {
        var page = PageOf(frame, nameof(TestAndClearReferenced));
        var was = page.Referenced;
        page.Referenced = false;
        return was;
    }

    /// <inheritdoc/>
    public void Rotate(FrameNumber frame) => Move(frame, nameof(Rotate), l => l);

    /// <inheritdoc/>
    public void Activate(FrameNumber frame) => Move(frame, nameof(Activate), l => l switch
    {
        LruList.InactiveAnon => LruList.ActiveAnon,
        LruList.InactiveFile => LruList.ActiveFile,
        _ => throw new InvalidOperationException($"Activate({frame.Value}): the page is already on {l}: only an inactive page can be activated"),
    });

    /// <inheritdoc/>
    public void Deactivate(FrameNumber frame) => Move(frame, nameof(Deactivate), l => l switch
    {
        LruList.ActiveAnon => LruList.InactiveAnon,
        LruList.ActiveFile => LruList.InactiveFile,
        _ => throw new InvalidOperationException($"Deactivate({frame.Value}): the page is already on {l}: only an active page can be deactivated"),
    });

    /// <inheritdoc/>
    public void Writeback(FrameNumber frame)
    {
        var page = PageOf(frame, nameof(Writeback));
        if (page.Anonymous)
        {
            throw new InvalidOperationException($"Writeback({frame.Value}): an anonymous page has no file to be written to: swap it out instead");
        }

        page.Dirty = false;
        WrittenBack++;
        Log.Add($"Writeback({frame.Value})");
    }

    /// <inheritdoc/>
    public bool SwapOut(FrameNumber frame)
    {
        var page = PageOf(frame, nameof(SwapOut));
        if (!page.Anonymous)
        {
            throw new InvalidOperationException($"SwapOut({frame.Value}): a page-cache page goes back to its file (Drop, after Writeback if dirty), not to swap");
        }

        if (SwapSlots <= 0)
        {
            Log.Add($"SwapOut({frame.Value}) = false (swap full)");
            return false;
        }

        SwapSlots--;
        SwappedOut++;
        Free(frame.Value, page, "SwapOut");
        return true;
    }

    /// <inheritdoc/>
    public void Drop(FrameNumber frame)
    {
        var page = PageOf(frame, nameof(Drop));
        if (page.Anonymous)
        {
            throw new InvalidOperationException($"Drop({frame.Value}): an anonymous page has no copy on disk: dropping it would lose the process's data; swap it out instead");
        }

        if (page.Dirty)
        {
            throw new InvalidOperationException($"Drop({frame.Value}): the page is dirty: its only up-to-date copy is in RAM. Write it back (Writeback) before dropping it (task 2)");
        }

        Dropped++;
        Free(frame.Value, page, "Drop");
    }

    private void Free(int frame, FakePage page, string action)
    {
        if (page.Referenced)
        {
            Violations.Add($"{action}({frame}): the page was referenced and its bit never tested: it did not get its second chance (task 1)");
        }

        _lists[page.List].Remove(frame);
        _pages.Remove(frame);
        FreePages++;
        Freed.Add(frame);
        Log.Add($"{action}({frame})");
    }

    private void Move(FrameNumber frame, string action, Func<LruList, LruList> to)
    {
        var page = PageOf(frame, action);
        var list = to(page.List);
        _lists[page.List].Remove(frame.Value);
        _lists[list].AddFirst(frame.Value);
        page.List = list;
        Log.Add($"{action}({frame.Value})");
    }

    private FakePage PageOf(FrameNumber frame, string action) =>
        !_pages.TryGetValue(frame.Value, out var page)
            ? throw new InvalidOperationException($"{action}({frame.Value}): no such page on any LRU list (freed already?)")
            : !_handedOut.Contains(frame.Value)
                ? throw new InvalidOperationException($"{action}({frame.Value}): ScanTail never handed you this page; act only on the pages ScanTail gives you")
                : page;

    private sealed class FakePage(LruList list, bool anonymous, bool dirty, bool referenced)
    {
        public LruList List { get; set; } = list;

        public bool Anonymous { get; } = anonymous;

        public bool Dirty { get; set; } = dirty;

        public bool Referenced { get; set; } = referenced;
    }
}
