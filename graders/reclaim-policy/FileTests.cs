using MemKata.Contracts.Kernel;
using MemKata.Scenarios;
using MemKata.Testing;

namespace MemKata.Graders.ReclaimPolicy;

// Task 2: clean file pages are dropped, dirty ones written back first.
public class FileTests
{
    [Test]
    [Task(2)]
    public void Clean_pages_are_dropped_and_never_written_back()
    {
        var kernel = new FakeKernel();
        kernel.Add(LruList.InactiveFile, 64);
        kernel.Add(LruList.ActiveFile, 64);

        Policies.Reclaim(kernel, ReclaimMode.Background, 40);

        Assert.That(kernel.Dropped, Is.GreaterThanOrEqualTo(40), kernel.Summary());
        Assert.That(kernel.WrittenBack, Is.Zero, $"clean pages are already on disk: no Writeback. {kernel.Summary()}");
    }

    [Test]
    [Task(2)]
    public void Every_dirty_page_dropped_was_written_back_first()
    {
        var kernel = new FakeKernel();
        kernel.Add(LruList.InactiveFile, 50, dirty: true);

        Policies.Reclaim(kernel, ReclaimMode.Background, 25);

        Assert.That(kernel.Freed, Has.Count.GreaterThanOrEqualTo(25), $"every page is dirty: Writeback, then Drop. {kernel.Summary()}");
        Assert.That(kernel.WrittenBack, Is.GreaterThanOrEqualTo(kernel.Dropped), kernel.Summary());
    }

    [Test]
    [Task(2)]
    public void Only_dirty_pages_are_written_back()
    {
        var kernel = new FakeKernel();
        var mixed = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            mixed.AddRange(kernel.Add(LruList.InactiveFile, 1, dirty: i % 2 == 0));
        }

        Policies.Reclaim(kernel, ReclaimMode.Background, 20);

        Assert.That(kernel.Dropped, Is.EqualTo(20), kernel.Summary());
        Assert.That(kernel.WrittenBack, Is.EqualTo(10), $"10 of the 20 pages were dirty: exactly those need writing back. {kernel.Summary()}");
    }

    [Test]
    [Task(2)]
    public void Dirty_journal_pages_reach_the_file_on_a_machine_without_swap()
    {
        var result = ScenarioRunner.Run(BuiltInScenarios.Load("06-dirty-file-pages-are-written-back"), reclaimPolicy: Policies.Learner());

        Assert.That(result.Machine.VmStat.PgPgOut, Is.GreaterThan(0),
            "scenario 06: with no swap only the journal's page cache can make room for the hog, and its pages are dirty: they must be written back");
        Assert.That(result.Machine.VmStat.OomKill, Is.Zero, "scenario 06: the journal's pages could have made room; nobody should have been killed");
    }
}
