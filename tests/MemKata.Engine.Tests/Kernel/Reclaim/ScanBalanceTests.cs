using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using static MemKata.Engine.Tests.Kernel.KernelTestMachines;

namespace MemKata.Engine.Tests.Kernel;

// The split of a reclaim pass between anonymous and file pages (mm/vmscan.c get_scan_count): swappiness decides it,
// except when one kind cannot help, and then the other gets the whole pass.
public class ScanBalanceTests
{
    [Test]
    public void Without_swap_file_pages_get_the_whole_pass_even_at_swappiness_200()
    {
        // SCAN_FILE: anonymous pages cannot go anywhere, so the swappiness split does not apply.
        var machine = Small(ramPages: 1024, swapPages: 0, swappiness: 200);
        machine.CreateFile("cache.dat", 100 * Page);
        var p = machine.Spawn("p");
        var anon = p.Memory.Mmap(200 * Page);
        TouchForWrite(p, anon, 200);
        var m = p.Memory.MmapFile(100 * Page, Protection.Read, "cache.dat", 0, shared: true);
        TouchForRead(p, m, 100);

        var freed = machine.Reclaimer.Run(ReclaimMode.Background, 40, 0);

        Assert.That(freed, Is.GreaterThanOrEqualTo(40), "100 clean file pages can cover the request");
        Assert.That(machine.VmStat.PswpOut, Is.Zero);
        Assert.That(p.ResidentPages, Is.EqualTo(300 - freed), "only file pages left");
    }

    [Test]
    public void When_file_pages_cannot_meet_the_request_anonymous_pages_are_swapped_even_at_swappiness_0()
    {
        // SCAN_ANON ("file is tiny"): global reclaim swaps to avoid the OOM killer, whatever the swappiness.
        var machine = Small(ramPages: 1024, swapPages: 1024, swappiness: 0);
        machine.CreateFile("small.dat", 4 * Page);
        var p = machine.Spawn("p");
        var anon = p.Memory.Mmap(300 * Page);
        TouchForWrite(p, anon, 300);
        var m = p.Memory.MmapFile(4 * Page, Protection.Read, "small.dat", 0, shared: true);
        TouchForRead(p, m, 4);

        var freed = machine.Reclaimer.Run(ReclaimMode.Direct, 32, p.Pid);

        Assert.That(freed, Is.GreaterThanOrEqualTo(32), "4 file pages cannot meet a request of 32: swap must");
        Assert.That(machine.VmStat.PswpOut, Is.GreaterThanOrEqualTo(32));
    }

    [Test]
    public void At_swappiness_0_file_pages_that_can_meet_the_request_are_taken_and_nothing_is_swapped()
    {
        var machine = Small(ramPages: 1024, swapPages: 1024, swappiness: 0);
        machine.CreateFile("cache.dat", 200 * Page);
        var p = machine.Spawn("p");
        var anon = p.Memory.Mmap(300 * Page);
        TouchForWrite(p, anon, 300);
        var m = p.Memory.MmapFile(200 * Page, Protection.Read, "cache.dat", 0, shared: true);
        TouchForRead(p, m, 200);

        var freed = machine.Reclaimer.Run(ReclaimMode.Direct, 32, p.Pid);

        Assert.That(freed, Is.GreaterThanOrEqualTo(32));
        Assert.That(machine.VmStat.PswpOut, Is.Zero, "swappiness 0 and enough file pages: no swap-out");
    }
}
