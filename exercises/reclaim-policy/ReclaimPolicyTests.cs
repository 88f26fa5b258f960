using MemKata.Contracts.Kernel;
using MemKata.Scenarios;
using MemKata.Testing;

// The public tests: run them with `dotnet test exercises/reclaim-policy`. Most give your ReclaimPolicy a small fake
// kernel (FakeKernel, from MemKata.Testing) whose LRU lists you set up page by page, and check what your policy did to them; a few run
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

    [Test]
    [Task(3)]
    public void With_file_pages_anonymous_pages_and_swap_together_swappiness_zero_swaps_only_once_file_pages_cannot_meet_the_request()
    {
        var plenty = new FakeKernel { SwapSlots = 500, Swappiness = 0 };
        plenty.Add(LruList.InactiveAnon, 80, anonymous: true);
        plenty.Add(LruList.InactiveFile, 70, dirty: true);
        new ReclaimPolicy().Reclaim(plenty, new ReclaimRequest(ReclaimMode.Background, 25));

        Assert.That(plenty.Freed, Has.Count.GreaterThanOrEqualTo(25), plenty.Summary());
        Assert.That(plenty.SwappedOut, Is.Zero, $"swappiness 0, and 70 file pages can meet a request of 25: swap nothing. {plenty.Summary()}");

        var tiny = new FakeKernel { SwapSlots = 500, Swappiness = 0 };
        tiny.Add(LruList.InactiveAnon, 80, anonymous: true);
        tiny.Add(LruList.InactiveFile, 6);
        new ReclaimPolicy().Reclaim(tiny, new ReclaimRequest(ReclaimMode.Background, 25));

        Assert.That(tiny.Freed, Has.Count.GreaterThanOrEqualTo(25), $"6 file pages cannot meet a request of 25: whatever the swappiness, anonymous pages must go to swap (get_scan_count's \"file is tiny\" case). {tiny.Summary()}");
    }

    [Test]
    [Task(3)]
    public void When_swap_fills_part_way_reclaim_goes_on_with_file_pages()
    {
        var kernel = new FakeKernel { SwapSlots = 7, Swappiness = 200 };
        kernel.Add(LruList.InactiveFile, 90);
        kernel.Add(LruList.InactiveAnon, 90, anonymous: true);

        new ReclaimPolicy().Reclaim(kernel, new ReclaimRequest(ReclaimMode.Background, 30));

        Assert.That(kernel.SwappedOut, Is.LessThanOrEqualTo(7));
        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(30), $"swap had room for 7 pages only; the other 23 must come from the file pages, not from giving up. {kernel.Summary()}");
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

    [Test]
    [Task(5)]
    public void On_equal_points_the_later_candidate_is_chosen()
    {
        OomCandidate[] candidates =
        [
            new(4, "builder", 3000, 200, 12, 0),
            new(7, "indexer", 3100, 0, 12, 100),
            new(9, "logger", 50, 0, 1, 0),
        ];

        // builder: 3000 + 200 + 12 = 3212; indexer: 3100 + 12 + 100 x (1000 / 1000) = 3212.
        var victim = new ReclaimPolicy().ChooseOomVictim(candidates, 1000);

        Assert.That(victim, Is.EqualTo(7), "builder and indexer both score 3212: Linux keeps the later one (its test lets a candidate replace the choice unless it scores lower)");
    }
}
