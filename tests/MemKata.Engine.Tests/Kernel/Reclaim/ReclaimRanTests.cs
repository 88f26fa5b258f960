using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using static MemKata.Engine.Tests.Kernel.KernelTestMachines;

namespace MemKata.Engine.Tests.Kernel;

/// <summary><see cref="Machine.ReclaimRan"/> (what <c>--show reclaim</c> shows): one pass per reclaim the log records,
/// lists before and after that agree with what left them, and frees that add up to /proc/vmstat's steals.</summary>
public class ReclaimRanTests
{
    [Test]
    public void Every_pass_is_told_with_the_lists_before_and_after_and_what_left_them()
    {
        var machine = Small(ramPages: 1024, swapPages: 2048);
        var passes = new List<ReclaimPass>();
        machine.ReclaimRan += passes.Add;
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(1500 * Page);

        TouchForWrite(p, a, 1500);

        Assert.Multiple(() =>
        {
            Assert.That(passes, Has.Count.EqualTo(machine.Events.Events.Count(e => e.Kind == KernelEventKind.Reclaim)).And.Count.GreaterThan(1));
            Assert.That(machine.Events.Dropped, Is.Zero, "every pass was logged");
            Assert.That(passes.Select(r => r.Before.Sum() - r.After.Sum()), Is.EqualTo(passes.Select(r => r.SwappedOut + r.Dropped)),
                "pages leave the lists only by being swapped out or dropped");
            Assert.That(passes.Where(r => r.Mode == ReclaimMode.Background).Sum(r => r.Freed), Is.EqualTo(machine.VmStat.PgStealKswapd));
            Assert.That(passes.Where(r => r.Mode == ReclaimMode.Direct).Sum(r => r.Freed), Is.EqualTo(machine.VmStat.PgStealDirect));
            Assert.That(passes.Sum(r => r.SwappedOut), Is.EqualTo(machine.VmStat.PswpOut));
            Assert.That(passes.Where(r => r.Mode == ReclaimMode.Direct).Select(r => r.Pid), Has.All.EqualTo(p.Pid));
            Assert.That(passes.Where(r => r.Mode == ReclaimMode.Background).Select(r => r.Pid), Has.All.Zero);
        });
    }
}
