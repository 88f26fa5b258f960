using MemKata.Contracts.Kernel;
using MemKata.Scenarios;
using MemKata.Testing;

// The public tests: run them with `dotnet test exercises/reclaim-policy`. Most give your ReclaimPolicy a small fake
// kernel (FakeKernel, below) whose LRU lists you set up page by page, and check what your policy did to them; a few run
// a built-in scenario on the simulated machine with your policy in charge. Each names its task: [Task(2)] fails while
// task 2 is not done. The graders check more than this.
public class ReclaimPolicyTests
{
    // ---- 1. Scan the inactive lists from the tail, with a second chance --------------------------------------------

    [Test]
    [Task(1)]
    public void Reclaim_frees_the_oldest_pages_of_the_inactive_file_list()
    {
        var kernel = new FakeKernel();
        var pages = kernel.Add(LruList.InactiveFile, 50);

        new ReclaimPolicy().Reclaim(kernel, new ReclaimRequest(ReclaimMode.Background, 5));

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(5), $"asked for 5 pages, your policy freed {kernel.Freed.Count}. {kernel.Summary()}");
        Assert.That(kernel.Freed, Is.EquivalentTo(pages.Take(kernel.Freed.Count)),
            $"the pages freed must be the oldest ones, taken from the tail of the list (ScanTail): the oldest are {string.Join(", ", pages.Take(kernel.Freed.Count))}. {kernel.Summary()}");
    }

    [Test]
    [Task(1)]
    public void A_referenced_page_at_the_tail_gets_a_second_chance()
    {
        var kernel = new FakeKernel();
        var pages = kernel.Add(LruList.InactiveFile, 20);
        kernel.Touch(pages[0]);

        new ReclaimPolicy().Reclaim(kernel, new ReclaimRequest(ReclaimMode.Background, 3));

        Assert.That(kernel.Freed, Does.Not.Contain(pages[0]),
            $"page {pages[0]} was touched since the last scan (its referenced bit was set): it must get a second chance (Activate) rather than be freed. {kernel.Summary()}");
        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(3), $"asked for 3 pages, your policy freed {kernel.Freed.Count}. {kernel.Summary()}");
        Assert.That(kernel.Violations, Is.Empty);
    }

    [Test]
    [Task(1)]
    public void Pages_on_the_active_list_are_aged_when_the_inactive_list_runs_dry()
    {
        var kernel = new FakeKernel();
        kernel.Add(LruList.ActiveFile, 100);

        new ReclaimPolicy().Reclaim(kernel, new ReclaimRequest(ReclaimMode.Background, 10));

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(10),
            $"every page is on the active file list: move some to the inactive list (Deactivate) so they can be reclaimed. {kernel.Summary()}");
        Assert.That(kernel.Violations, Is.Empty);
    }

    // ---- 2. Drop clean file pages, write dirty ones back first ------------------------------------------------------

    [Test]
    [Task(2)]
    public void Clean_file_pages_are_dropped_without_writeback()
    {
        var kernel = new FakeKernel();
        kernel.Add(LruList.InactiveFile, 40);

        new ReclaimPolicy().Reclaim(kernel, new ReclaimRequest(ReclaimMode.Direct, 8));

        Assert.That(kernel.Dropped, Is.GreaterThanOrEqualTo(8), $"asked for 8 pages of clean page cache. {kernel.Summary()}");
        Assert.That(kernel.WrittenBack, Is.Zero, $"a clean page is already on disk: writing it back is wasted I/O. {kernel.Summary()}");
    }

    [Test]
    [Task(2)]
    public void Dirty_file_pages_are_written_back_before_they_are_dropped()
    {
        var kernel = new FakeKernel();
        var dirty = kernel.Add(LruList.InactiveFile, 30, dirty: true);

        new ReclaimPolicy().Reclaim(kernel, new ReclaimRequest(ReclaimMode.Background, 10));

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(10), $"asked for 10 pages; every page is dirty, so each must be written back (Writeback) and then dropped (Drop). {kernel.Summary()}");
        Assert.That(kernel.Freed.All(dirty.Contains), Is.True);
        Assert.That(kernel.WrittenBack, Is.GreaterThanOrEqualTo(kernel.Freed.Count), kernel.Summary());
    }

    // ---- 3. Swap anonymous pages out, balanced by swappiness --------------------------------------------------------

    [Test]
    [Task(3)]
    public void Anonymous_pages_are_swapped_out_while_swap_has_room()
    {
        var kernel = new FakeKernel { SwapSlots = 100 };
        kernel.Add(LruList.InactiveAnon, 60, anonymous: true);

        new ReclaimPolicy().Reclaim(kernel, new ReclaimRequest(ReclaimMode.Background, 12));

        Assert.That(kernel.SwappedOut, Is.GreaterThanOrEqualTo(12), $"only anonymous pages are here and swap is free: swap them out (SwapOut). {kernel.Summary()}");
    }

    [Test]
    [Task(3)]
    public void Without_swap_only_file_pages_can_be_freed()
    {
        var kernel = new FakeKernel { SwapSlots = 0 };
        kernel.Add(LruList.InactiveAnon, 100, anonymous: true);
        kernel.Add(LruList.InactiveFile, 50);

        new ReclaimPolicy().Reclaim(kernel, new ReclaimRequest(ReclaimMode.Background, 20));

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(20), $"there is no swap, but 50 clean file pages could go. {kernel.Summary()}");
        Assert.That(kernel.SwappedOut, Is.Zero);
    }

    [Test]
    [Task(3)]
    public void Swappiness_zero_spares_anonymous_pages_while_file_pages_remain()
    {
        var kernel = new FakeKernel { SwapSlots = 1000, Swappiness = 0 };
        kernel.Add(LruList.InactiveAnon, 100, anonymous: true);
        kernel.Add(LruList.InactiveFile, 100);

        new ReclaimPolicy().Reclaim(kernel, new ReclaimRequest(ReclaimMode.Background, 20));

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(20), kernel.Summary());
        Assert.That(kernel.SwappedOut, Is.Zero, $"vm.swappiness is 0: do not swap while file pages can be reclaimed. {kernel.Summary()}");
    }

    // ---- 4. kswapd and direct reclaim -------------------------------------------------------------------------------

    [Test]
    [Task(4)]
    public void Direct_reclaim_frees_enough_but_not_much_more()
    {
        var kernel = new FakeKernel { SwapSlots = 1000 };
        kernel.Add(LruList.InactiveAnon, 500, anonymous: true);
        kernel.Add(LruList.InactiveFile, 500);

        new ReclaimPolicy().Reclaim(kernel, new ReclaimRequest(ReclaimMode.Direct, 32));

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(32), kernel.Summary());
        Assert.That(kernel.Freed, Has.Count.LessThanOrEqualTo(32 + FakeKernel.Batch),
            $"direct reclaim stalls the allocating process: free what was asked (32), at most a batch of {FakeKernel.Batch} more. {kernel.Summary()}");
    }

    [Test]
    [Task(4)]
    public void A_full_machine_survives_with_kswapd_and_direct_reclaim()
    {
        var result = ScenarioRunner.Run(BuiltInScenarios.Load("05-full-machine-kswapd-then-direct-reclaim"), reclaimPolicy: new ReclaimPolicy());

        Assert.That(result.Machine.VmStat.OomKill, Is.Zero, "this machine has swap enough for everything: nobody should be killed");
        Assert.That(result.Machine.Processes.All(p => p.IsAlive), Is.True);
        Assert.That(result.Machine.VmStat.PgStealKswapd + result.Machine.VmStat.PgStealDirect, Is.GreaterThan(0));
    }

    // ---- 5. Choose the OOM victim -----------------------------------------------------------------------------------

    [Test]
    [Task(5)]
    public void The_process_with_the_most_memory_is_chosen()
    {
        OomCandidate[] candidates =
        [
            new(1, "init", 100, 0, 2, 0),
            new(2, "database", 9000, 500, 30, 0),
            new(3, "worker", 6000, 0, 20, 0),
        ];

        var victim = new ReclaimPolicy().ChooseOomVictim(candidates, 100_000);

        Assert.That(victim, Is.EqualTo(2), "the database has the highest oom_badness (rss + swap entries + page-table pages)");
    }

    [Test]
    [Task(5)]
    public void A_process_with_oom_score_adj_minus_1000_is_never_chosen()
    {
        OomCandidate[] candidates =
        [
            new(1, "database", 9000, 0, 30, -1000),
            new(2, "worker", 10, 0, 1, 0),
        ];

        var victim = new ReclaimPolicy().ChooseOomVictim(candidates, 100_000);

        Assert.That(victim, Is.EqualTo(2), "oom_score_adj -1000 means never kill, however big the process is");
    }

    [Test]
    [Task(5)]
    public void Oom_score_adj_counts_in_thousandths_of_memory()
    {
        OomCandidate[] candidates =
        [
            new(1, "database", 9000, 0, 30, 0),
            new(2, "cache", 4000, 0, 10, 100),
        ];

        // cache: 4010 + 100 x (100000 / 1000) = 14010 points beats the database's 9030.
        var victim = new ReclaimPolicy().ChooseOomVictim(candidates, 100_000);

        Assert.That(victim, Is.EqualTo(2), "oom_score_adj 100 adds 100 x totalPages / 1000 = 10000 points to the cache");
    }
}

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
        _pages.TryGetValue(frame.Value, out var page)
            ? page
            : throw new InvalidOperationException($"{action}({frame.Value}): no such page on any LRU list (freed already?)");

    private sealed class FakePage(LruList list, bool anonymous, bool dirty, bool referenced)
    {
        public LruList List { get; set; } = list;

        public bool Anonymous { get; } = anonymous;

        public bool Dirty { get; set; } = dirty;

        public bool Referenced { get; set; } = referenced;
    }
}
