using MemKata.Contracts.Kernel;
using MemKata.Testing;

namespace MemKata.Graders.ReclaimPolicy;

// Task 1: scanning from the tail, second chance, aging.
public class ScanTests
{
    [TestCase(LruList.InactiveFile, false)]
    [TestCase(LruList.InactiveAnon, true)]
    [Task(1)]
    public void Pages_of_one_list_leave_oldest_first(LruList list, bool anonymous)
    {
        var kernel = new FakeKernel { SwapSlots = 1000 };
        var pages = kernel.Add(list, 80, anonymous);

        Policies.Reclaim(kernel, ReclaimMode.Background, 16);

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(16), $"asked for 16 pages of {list}. {kernel.Summary()}");
        Assert.That(kernel.Freed, Is.EquivalentTo(pages.Take(kernel.Freed.Count)),
            $"no page was referenced, so the pages freed must be the oldest of {list} (its tail, ScanTail). {kernel.Summary()}");
    }

    [Test]
    [Task(1)]
    public void Referenced_pages_get_a_second_chance_and_unreferenced_ones_go()
    {
        var kernel = new FakeKernel();
        var pages = kernel.Add(LruList.InactiveFile, 40);
        var touched = pages.Where((_, i) => i % 3 == 0).ToList();
        touched.ForEach(kernel.Touch);

        Policies.Reclaim(kernel, ReclaimMode.Background, 10);

        Assert.That(kernel.Violations, Is.Empty, $"{string.Join("\n", kernel.Violations)}\n{kernel.Summary()}");
        Assert.That(kernel.Freed.Intersect(touched), Is.Empty,
            $"pages {string.Join(", ", touched)} were referenced: while unreferenced pages remain they must not be freed (second chance). {kernel.Summary()}");
        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(10), kernel.Summary());
    }

    [Test]
    [Task(1)]
    public void A_referenced_page_goes_back_to_the_active_list()
    {
        var kernel = new FakeKernel();
        var pages = kernel.Add(LruList.InactiveFile, 30);
        kernel.Touch(pages[0]);

        Policies.Reclaim(kernel, ReclaimMode.Direct, 4);

        Assert.That(kernel.ListOf(pages[0]), Is.EqualTo(LruList.ActiveFile),
            $"page {pages[0]} was referenced at the tail of the inactive list: Activate it (second chance). {kernel.Summary()}");
    }

    [Test]
    [Task(1)]
    public void When_every_inactive_page_is_referenced_aging_still_frees_pages()
    {
        var kernel = new FakeKernel();
        foreach (var page in kernel.Add(LruList.InactiveFile, 30))
        {
            kernel.Touch(page);
        }

        Policies.Reclaim(kernel, ReclaimMode.Background, 5);

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(5),
            $"every page was referenced once: after their second chance (on the active list, bits cleared) aging brings them back and they can go. {kernel.Summary()}");
        Assert.That(kernel.Violations, Is.Empty, string.Join("\n", kernel.Violations));
    }

    [Test]
    [Task(1)]
    public void Active_pages_are_aged_onto_the_inactive_list()
    {
        var kernel = new FakeKernel { SwapSlots = 1000 };
        kernel.Add(LruList.ActiveFile, 60);
        kernel.Add(LruList.ActiveAnon, 60);

        Policies.Reclaim(kernel, ReclaimMode.Background, 20);

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(20),
            $"every page is active: Deactivate some (after clearing their referenced bit) so they can be reclaimed. {kernel.Summary()}");
    }

    [Test]
    [Task(1)]
    public void A_referenced_active_page_is_not_freed_on_the_same_pass_without_its_bit_tested()
    {
        var kernel = new FakeKernel();
        var pages = kernel.Add(LruList.ActiveFile, 50);
        pages.Take(10).ToList().ForEach(kernel.Touch);

        Policies.Reclaim(kernel, ReclaimMode.Background, 30);

        Assert.That(kernel.Violations, Is.Empty, $"{string.Join("\n", kernel.Violations)}\n{kernel.Summary()}");
        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(30), kernel.Summary());
    }
}
