using MemKata.Contracts.Kernel;
using MemKata.Scenarios;
using MemKata.Testing;

namespace MemKata.Graders.ReclaimPolicy;

// Task 4: kswapd (Background) and direct reclaim both meet the request; direct reclaim does not overdo it.
public class ModeTests
{
    private static FakeKernel Mixed()
    {
        var kernel = new FakeKernel { SwapSlots = 2000 };
        var anon = kernel.Add(LruList.InactiveAnon, 300, anonymous: true);
        kernel.Add(LruList.ActiveAnon, 300, anonymous: true);
        var file = kernel.Add(LruList.InactiveFile, 300, dirty: false);
        kernel.Add(LruList.ActiveFile, 200, dirty: true);
        anon.Where((_, i) => i % 4 == 0).Concat(file.Where((_, i) => i % 5 == 0)).ToList().ForEach(kernel.Touch);
        return kernel;
    }

    [TestCase(1)]
    [TestCase(32)]
    [TestCase(100)]
    [Task(4)]
    public void Direct_reclaim_frees_what_was_asked_and_at_most_a_batch_more(int wanted)
    {
        var kernel = Policies.Reclaim(Mixed(), ReclaimMode.Direct, wanted);

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(wanted), kernel.Summary());
        Assert.That(kernel.Freed, Has.Count.LessThanOrEqualTo(wanted + FakeKernel.Batch),
            $"direct reclaim: the process stalls until you return; free {wanted}, at most {FakeKernel.Batch} more. {kernel.Summary()}");
    }

    [TestCase(50)]
    [TestCase(400)]
    [Task(4)]
    public void Kswapd_reaches_its_target(int wanted)
    {
        var kernel = Policies.Reclaim(Mixed(), ReclaimMode.Background, wanted);

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(wanted),
            $"kswapd asked for {wanted} pages (up to the high watermark) and 1100 pages were reclaimable. {kernel.Summary()}");
        Assert.That(kernel.Violations, Is.Empty, string.Join("\n", kernel.Violations));
    }

    // Lists of a few pages each: however a policy splits and sizes its scans (its choice), a share rounded down to
    // nothing must not make it give up while a page can be freed. Every page is clean and unreferenced, swap has room,
    // the pages are all inactive or all active; one page is asked for, at every swappiness the split can round away.
    [TestCase(ReclaimMode.Direct, false)]
    [TestCase(ReclaimMode.Background, false)]
    [TestCase(ReclaimMode.Direct, true)]
    [Task(4)]
    public void A_few_pages_on_the_lists_are_enough_to_free_one_at_every_swappiness(ReclaimMode mode, bool active)
    {
        foreach (var swappiness in new[] { 0, 1, 60, 140, 199, 200 })
        {
            for (var file = 0; file <= 3; file++)
            {
                for (var anon = 0; anon <= 3; anon++)
                {
                    if (file + anon == 0)
                    {
                        continue;
                    }

                    var kernel = new FakeKernel { Swappiness = swappiness, SwapSlots = 100 };
                    kernel.Add(active ? LruList.ActiveFile : LruList.InactiveFile, file);
                    kernel.Add(active ? LruList.ActiveAnon : LruList.InactiveAnon, anon, anonymous: true);

                    Policies.Reclaim(kernel, mode, 1);

                    Assert.That(kernel.Freed, Is.Not.Empty,
                        $"{mode} reclaim of 1 page, swappiness {swappiness}, 100 free swap slots, {file} clean file and {anon} anonymous pages, all " +
                        $"{(active ? "active" : "inactive")} and unreferenced: a page can be freed, so reclaim must free one (a scan share rounded down to 0 must not end it). {kernel.Summary()}");
                }
            }
        }
    }

    [Test]
    [Task(4)]
    public void A_full_machine_with_swap_kills_nobody()
    {
        var result = ScenarioRunner.Run(BuiltInScenarios.Load("05-full-machine-kswapd-then-direct-reclaim"), reclaimPolicy: Policies.Learner());

        Assert.That(result.Machine.VmStat.OomKill, Is.Zero, "scenario 05: 96 MiB on 64 MiB of RAM and 128 MiB of swap: reclaim can always make room");
        Assert.That(result.Machine.VmStat.PgStealKswapd, Is.GreaterThan(0), "scenario 05: kswapd woke and should have reclaimed pages");
    }
}
