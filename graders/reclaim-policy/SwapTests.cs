using MemKata.Contracts.Kernel;
using MemKata.Scenarios;
using MemKata.Testing;

namespace MemKata.Graders.ReclaimPolicy;

// Task 3: anonymous pages to swap while it has room, balanced against file pages by swappiness.
public class SwapTests
{
    [Test]
    [Task(3)]
    public void Anonymous_pages_go_to_swap_when_that_is_all_there_is()
    {
        var kernel = new FakeKernel { SwapSlots = 500 };
        kernel.Add(LruList.InactiveAnon, 100, anonymous: true);
        kernel.Add(LruList.ActiveAnon, 100, anonymous: true);

        Policies.Reclaim(kernel, ReclaimMode.Background, 50);

        Assert.That(kernel.SwappedOut, Is.GreaterThanOrEqualTo(50), kernel.Summary());
    }

    [Test]
    [Task(3)]
    public void No_swap_means_file_pages_pay_for_everything()
    {
        var kernel = new FakeKernel { SwapSlots = 0, Swappiness = 200 };
        kernel.Add(LruList.InactiveAnon, 200, anonymous: true);
        kernel.Add(LruList.InactiveFile, 60);

        Policies.Reclaim(kernel, ReclaimMode.Background, 40);

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(40), $"swap is absent, even at swappiness 200 the file pages must cover the request. {kernel.Summary()}");
        Assert.That(kernel.SwappedOut, Is.Zero);
    }

    [Test]
    [Task(3)]
    public void With_no_anonymous_pages_file_pages_pay_even_at_swappiness_200()
    {
        var kernel = new FakeKernel { SwapSlots = 500, Swappiness = 200 };
        kernel.Add(LruList.InactiveFile, 60);
        kernel.Add(LruList.ActiveFile, 60);

        Policies.Reclaim(kernel, ReclaimMode.Background, 40);

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(40),
            $"swappiness 200 gives anonymous pages the whole scan, but there are none: the file pages must pay. {kernel.Summary()}");
    }

    [Test]
    [Task(3)]
    public void When_swap_fills_up_file_pages_cover_the_rest()
    {
        var kernel = new FakeKernel { SwapSlots = 5 };
        kernel.Add(LruList.InactiveAnon, 100, anonymous: true);
        kernel.Add(LruList.InactiveFile, 100);

        Policies.Reclaim(kernel, ReclaimMode.Background, 40);

        Assert.That(kernel.SwappedOut, Is.LessThanOrEqualTo(5));
        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(40), $"swap had 5 slots; the 100 clean file pages must make up the rest. {kernel.Summary()}");
    }

    [Test]
    [Task(3)]
    public void Swap_exhausted_with_only_anonymous_pages_ends_without_error()
    {
        var kernel = new FakeKernel { SwapSlots = 3 };
        kernel.Add(LruList.InactiveAnon, 50, anonymous: true);

        Policies.Reclaim(kernel, ReclaimMode.Direct, 10);

        Assert.That(kernel.SwappedOut, Is.EqualTo(3), $"3 swap slots were free: fill them, then return (the kernel sees the shortfall). {kernel.Summary()}");
    }

    [Test]
    [Task(3)]
    public void When_the_file_pages_cannot_meet_the_request_anonymous_pages_go_even_at_swappiness_0()
    {
        var kernel = new FakeKernel { SwapSlots = 1000, Swappiness = 0 };
        kernel.Add(LruList.InactiveAnon, 200, anonymous: true);
        kernel.Add(LruList.InactiveFile, 10);

        Policies.Reclaim(kernel, ReclaimMode.Background, 60);

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(60),
            $"10 file pages cannot meet a request of 60 (\"file is tiny\"): anonymous pages are scanned whatever the swappiness, or the OOM killer comes. {kernel.Summary()}");
        Assert.That(kernel.SwappedOut, Is.GreaterThan(0), kernel.Summary());
    }

    [TestCase(0)]
    [TestCase(10)]
    [Task(3)]
    public void Low_swappiness_prefers_file_pages(int swappiness)
    {
        var kernel = new FakeKernel { SwapSlots = 1000, Swappiness = swappiness };
        kernel.Add(LruList.InactiveAnon, 200, anonymous: true);
        kernel.Add(LruList.InactiveFile, 200);

        Policies.Reclaim(kernel, ReclaimMode.Background, 64);

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(64), kernel.Summary());
        Assert.That(kernel.SwappedOut, Is.LessThan(kernel.Dropped),
            $"vm.swappiness {swappiness}: file pages should pay for most of the request. {kernel.Summary()}");
        if (swappiness == 0)
        {
            Assert.That(kernel.SwappedOut, Is.Zero, $"vm.swappiness 0: no swap-out while file pages remain. {kernel.Summary()}");
        }
    }

    [Test]
    [Task(3)]
    public void Anonymous_memory_beyond_ram_goes_to_swap()
    {
        var result = ScenarioRunner.Run(BuiltInScenarios.Load("07-anonymous-pages-go-to-swap"), reclaimPolicy: Policies.Learner());

        Assert.That(result.Machine.VmStat.PswpOut, Is.GreaterThan(0), "scenario 07: 48 MiB of anonymous memory on 32 MiB of RAM must swap");
        Assert.That(result.Machine.VmStat.OomKill, Is.Zero, "scenario 07: swap had room; nobody should have been killed");
    }
}
