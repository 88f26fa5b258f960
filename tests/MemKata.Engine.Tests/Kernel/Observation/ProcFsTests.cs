using MemKata.Engine.Kernel;
using static MemKata.Engine.Tests.Kernel.KernelTestMachines;

namespace MemKata.Engine.Tests.Kernel;

public class ProcFsTests
{
    [Test]
    public void Meminfo_lines_look_like_the_kernel_s()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 4UL << 30, SwapBytes = 1UL << 30 });
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(10 * Page);
        TouchForWrite(p, a, 10);

        var lines = ProcFs.Meminfo(machine).Split('\n');

        Assert.That(lines[0], Is.EqualTo("MemTotal:        4194304 kB"));
        Assert.That(lines, Does.Contain("MemFree:         4194248 kB"), "10 pages plus the 4 pages of C library data the loader touched");
        Assert.That(lines, Does.Contain("SwapTotal:       1048576 kB"));
        Assert.That(lines, Does.Contain("AnonPages:            56 kB"));
        Assert.That(lines, Does.Contain("CommitLimit:     3145728 kB"), "swap + RAM * 50%");
        Assert.That(lines, Does.Contain("Committed_AS:         40 kB"));
    }

    [Test]
    public void Status_shows_the_memory_lines_with_tabs_and_width_8()
    {
        var machine = Small();
        var p = machine.Spawn("demo");
        var a = p.Memory.Mmap(100 * Page);
        TouchForWrite(p, a, 25);

        var status = ProcFs.Status(p);

        Assert.That(status, Does.StartWith("Name:\tdemo\n"));
        Assert.That(status, Does.Contain("VmSize:\t     416 kB\n"), "100 pages + 4 pages of C library data");
        Assert.That(status, Does.Contain("VmRSS:\t     100 kB\n"));
        Assert.That(status, Does.Contain("VmSwap:\t       0 kB\n"));
        Assert.That(status, Does.Contain("VmPTE:\t      12 kB\n"), "one PTE, one PMD and one PUD table page");
    }

    [Test]
    public void Vmstat_and_oom_score_print_plain_numbers()
    {
        var machine = Small();
        var p = machine.Spawn("p");
        var a = p.Memory.Mmap(3 * Page);
        TouchForWrite(p, a, 3);

        Assert.That(ProcFs.VmStat(machine), Does.Contain("\npgfault 3\n").And.Contain("\noom_kill 0\n"));
        // badness = 3 rss + 3 page-table pages = 6; total 1024 pages: (1000 + 6000 / 1024) * 2 / 3 = (1000 + 5) * 2 / 3 = 670.
        Assert.That(ProcFs.OomScore(machine, p), Is.EqualTo("670\n"));
    }

    [Test]
    public void The_event_log_is_deterministic()
    {
        static string Run()
        {
            var machine = Small(ramPages: 1024, swapPages: 512);
            var p = machine.Spawn("p");
            var a = p.Memory.Mmap(1200 * Page);
            TouchForWrite(p, a, 1200);
            return machine.Events.Render() + ProcFs.Meminfo(machine) + ProcFs.VmStat(machine);
        }

        var first = Run();
        var second = Run();

        Assert.That(second, Is.EqualTo(first));
    }
}
