using MemKata.Contracts;
using MemKata.Engine.Kernel;

namespace MemKata.Engine.Tests.Kernel;

// The rules of Linux 6.x mm/util.c __vm_enough_memory, worked out by hand for a 4 GiB machine (1048576 pages).
public class OvercommitRuleTests
{
    private const ulong GiB = 1UL << 30;

    private static SimProcess Process(OvercommitMode mode, ulong swap = 0, ArchitectureProfile? arch = null) =>
        new Machine(new MachineConfig { RamBytes = 4 * GiB, SwapBytes = swap, Overcommit = mode, Architecture = arch ?? ArchitectureProfile.X86_64 })
            .Spawn("p");

    [Test]
    public void Mode_0_refuses_one_request_larger_than_ram_plus_swap()
    {
        var p = Process(OvercommitMode.Heuristic);

        Assert.That(p.Memory.Mmap((4 * GiB) + 4096), Is.EqualTo(Syscall.Failed));
        Assert.That(p.Memory.LastError, Is.EqualTo(Errno.ENOMEM));
        Assert.That(p.Memory.Mmap(4 * GiB), Is.Not.EqualTo(Syscall.Failed), "exactly RAM + swap is allowed: the rule is 'more than'");
    }

    [Test]
    public void Mode_0_checks_each_request_alone_so_many_smaller_ones_all_succeed()
    {
        var p = Process(OvercommitMode.Heuristic);

        for (var i = 0; i < 4; i++)
        {
            Assert.That(p.Memory.Mmap(3 * GiB), Is.Not.EqualTo(Syscall.Failed));
        }
    }

    [Test]
    public void Mode_0_counts_swap()
    {
        var p = Process(OvercommitMode.Heuristic, swap: 4 * GiB);

        Assert.That(p.Memory.Mmap(8 * GiB), Is.Not.EqualTo(Syscall.Failed));
        Assert.That(p.Memory.Mmap((8 * GiB) + 4096), Is.EqualTo(Syscall.Failed));
    }

    [Test]
    public void Mode_0_applies_to_brk_too()
    {
        var p = Process(OvercommitMode.Heuristic);

        Assert.That(p.Memory.Sbrk((long)(5 * GiB)), Is.EqualTo(Syscall.Failed));
    }

    [Test]
    public void Mode_1_never_refuses()
    {
        var p = Process(OvercommitMode.Always);

        Assert.That(p.Memory.Mmap(32UL << 40), Is.Not.EqualTo(Syscall.Failed));
    }

    [Test]
    public void Mode_2_enforces_commit_limit_less_the_reserves()
    {
        // CommitLimit = 1048576 * 50 / 100 = 524288 pages; less admin_reserve_kbytes 8192 kB = 2048 pages; less
        // min(total_vm / 32, user reserve) = min(4 / 32, ...) = 0 for a fresh process. Committed_AS including the
        // request must stay below 522240 pages.
        var machine = new Machine(new MachineConfig { RamBytes = 4 * GiB, Overcommit = OvercommitMode.Never });
        var p = machine.Spawn("p");

        Assert.That(machine.Overcommit.CommitLimitPages, Is.EqualTo(524288));
        Assert.That(p.Memory.Mmap(522240UL * 4096), Is.EqualTo(Syscall.Failed));
        Assert.That(p.Memory.Mmap(522239UL * 4096), Is.Not.EqualTo(Syscall.Failed));
        Assert.That(machine.Overcommit.CommittedPages, Is.EqualTo(522239));
        Assert.That(p.Memory.Mmap(4096), Is.EqualTo(Syscall.Failed), "the limit is reached");
    }

    [Test]
    public void Mode_2_ignores_read_only_mappings_and_gives_back_on_munmap()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 4 * GiB, Overcommit = OvercommitMode.Never, OvercommitKbytes = 1024 * 1024 });
        var p = machine.Spawn("p");

        Assert.That(machine.Overcommit.CommitLimitPages, Is.EqualTo(262144), "overcommit_kbytes replaces the ratio");
        Assert.That(p.Memory.Mmap(8 * GiB, Protection.Read), Is.Not.EqualTo(Syscall.Failed));
        var a = p.Memory.Mmap(512UL << 20);
        Assert.That(machine.Overcommit.CommittedPages, Is.EqualTo(131072));
        p.Memory.Munmap(a, 512UL << 20);
        Assert.That(machine.Overcommit.CommittedPages, Is.Zero);
    }

    [Test]
    public void I386_cannot_map_8_GiB_whatever_the_overcommit_mode()
    {
        var p = Process(OvercommitMode.Always, arch: ArchitectureProfile.I386);

        Assert.That(p.Memory.Mmap(8 * GiB), Is.EqualTo(Syscall.Failed), "3 GiB of user address space");
        Assert.That(p.Memory.Mmap(2 * GiB), Is.Not.EqualTo(Syscall.Failed));
    }

    [Test]
    public void A_refusal_is_logged()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 4 * GiB });
        var p = machine.Spawn("p");

        p.Memory.Mmap(8 * GiB);

        Assert.That(machine.Events.Events.Any(e => e.Kind == KernelEventKind.OvercommitRefused && e.Text.Contains("mode 0", StringComparison.Ordinal)));
    }
}
