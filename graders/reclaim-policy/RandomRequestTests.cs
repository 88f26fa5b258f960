using MemKata.Contracts.Kernel;
using MemKata.Testing;

namespace MemKata.Graders.ReclaimPolicy;

// Seeded random reclaim requests (RandomKernels), 30 per seed, each checked against the rules of one task: a policy
// that breaks a rule in some situation the fixed tests do not build fails here. "Enough reclaimable pages" means the
// reference, run live on the same kernel, frees twice the request and a batch more: then any policy within the rules
// must meet the request, whatever its scan order and batch sizes. Each task's requests need that task and the ones
// before it only (a task's points need all of its tests, grader.json "wholeTasks"): task 1's hold clean file pages,
// task 2's file pages, clean and dirty; tasks 3 and 4 every kind.
public class RandomRequestTests
{
    private const int PerSeed = 30;

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    [Task(1)]
    public void Random_requests_give_every_referenced_page_its_second_chance_and_free_enough(ulong seed) =>
        Each(seed, (kernel, shape, plenty) =>
        {
            Assert.That(kernel.Violations, Is.Empty, $"{shape}: {string.Join("; ", kernel.Violations)}. {kernel.Summary()}");
            FreedEnough(kernel, shape, plenty);
        }, fileOnly: true, clean: true);

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    [Task(2)]
    public void Random_file_requests_write_back_only_dirty_pages_and_free_enough(ulong seed) =>
        Each(seed, (kernel, shape, plenty) =>
        {
            Assert.That(kernel.WrittenBack, Is.LessThanOrEqualTo(shape.DirtyPages),
                $"{shape}: your policy wrote back {kernel.WrittenBack} pages, more than were dirty: a clean page is never written back (task 2). {kernel.Summary()}");
            FreedEnough(kernel, shape, plenty);
        }, fileOnly: true);

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    [Task(3)]
    public void Random_requests_swap_only_what_swap_and_swappiness_allow(ulong seed) =>
        Each(seed, (kernel, shape, plenty) =>
        {
            if (shape.Swappiness == 0 && shape.FilePages >= shape.Wanted + FakeKernel.Batch)
            {
                Assert.That(kernel.SwappedOut, Is.Zero,
                    $"{shape}: vm.swappiness 0 and the file pages can meet the request: nothing is swapped out (task 3). {kernel.Summary()}");
            }

            FreedEnough(kernel, shape, plenty);
        });

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    [Task(4)]
    public void Random_direct_reclaim_stops_within_a_batch_of_the_request(ulong seed) =>
        Each(seed, (kernel, shape, plenty) =>
        {
            if (shape.Mode == ReclaimMode.Direct)
            {
                Assert.That(kernel.Freed, Has.Count.LessThanOrEqualTo(shape.Wanted + FakeKernel.Batch),
                    $"{shape}: direct reclaim stalls the process: free what was asked, at most {FakeKernel.Batch} more (task 4). {kernel.Summary()}");
            }

            FreedEnough(kernel, shape, plenty);
        });

    private static void Each(ulong seed, Action<FakeKernel, RandomKernels.Shape, bool> check, bool fileOnly = false, bool clean = false)
    {
        for (var i = 0; i < PerSeed; i++)
        {
            var (kernel, shape) = RandomKernels.Build(seed, i, fileOnly, clean);
            Policies.Learner().Reclaim(kernel, new ReclaimRequest(shape.Mode, shape.Wanted));
            check(kernel, shape, RandomKernels.PlentyToReclaim(seed, i, fileOnly, clean));
        }
    }

    private static void FreedEnough(FakeKernel kernel, RandomKernels.Shape shape, bool plenty)
    {
        if (plenty)
        {
            Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(shape.Wanted),
                $"{shape}: the lists held plenty of reclaimable pages (the reference frees twice the request from them). {kernel.Summary()}");
        }
    }
}
