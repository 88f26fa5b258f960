using MemKata.Contracts;
using MemKata.Engine.Kernel;
using static MemKata.Engine.Tests.Kernel.KernelTestMachines;

namespace MemKata.Engine.Tests.Kernel.Fault;

// Inputs a careless scenario can give the kernel: each ends in the answer Linux gives, never in an escaping exception.
public class RobustnessTests
{
    [Test]
    public void A_min_free_kbytes_above_the_RAM_size_kills_the_process_while_it_starts_and_Spawn_returns_it_dead()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 1024 * Page, MinFreeKbytes = 1UL << 30 });

        var p = machine.Spawn("starved");

        Assert.That(p.IsAlive, Is.False, "no allocation can succeed when min is above RAM: the loader's first page fault finds no frame");
        Assert.That(p.KillReason, Does.Contain("out of memory"));
        Assert.That(machine.Events.Events.Any(e => e.Kind == KernelEventKind.OomKill), Is.True, "the kill is logged");
        Assert.That(() => p.Memory.ReadByte(p.Memory.LibcDataAddress), Throws.TypeOf<ProcessKilledException>());
    }

    [Test]
    public void Reading_a_file_mapping_past_the_end_of_the_file_is_a_bus_error_and_the_last_partial_page_reads_zeros()
    {
        var machine = Small();
        machine.CreateFile("short.bin", 4096 + 100);
        var p = machine.Spawn("reader");
        var a = p.Memory.MmapFile(8 * Page, Protection.Read, "short.bin", 0, shared: true);

        Assert.That(p.Memory.ReadByte(a + Page + 200), Is.Zero, "the page holding the end of the file is there, zero past the end");
        var error = Assert.Throws<BusErrorException>(() => p.Memory.ReadByte(a + (5 * Page)));
        Assert.That(error!.Reason, Does.Contain("past the end of the file"));
        Assert.That(machine.Events.Events.Last().Kind, Is.EqualTo(KernelEventKind.BusError));
    }

    [Test]
    public void A_range_that_would_wrap_past_2_to_the_64_is_a_segmentation_fault_not_a_wrap()
    {
        var machine = Small();
        var p = machine.Spawn("wrap");

        Assert.That(() => p.Memory.Fill(ulong.MaxValue - 10, 1, 100), Throws.TypeOf<SegmentationFaultException>().With.Message.Contains("past the end of the address space"));
        Assert.That(() => p.Memory.Copy(0x1000, ulong.MaxValue - 3, 8), Throws.TypeOf<SegmentationFaultException>());
    }

    [Test]
    public void A_refused_mmap_carries_its_errno_and_its_reason_to_the_caller_and_the_record()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 1024 * Page, Overcommit = OvercommitMode.Heuristic, LoaderTouchesLibraryData = false });
        var p = machine.Spawn("greedy");
        var records = new List<Engine.Memory.SyscallRecord>();
        p.Memory.SyscallCompleted += records.Add;

        var result = p.Memory.Mmap(1UL << 30);

        Assert.That(result, Is.EqualTo(Syscall.Failed));
        Assert.That(p.Memory.LastError, Is.EqualTo(Errno.ENOMEM));
        Assert.That(p.Memory.LastErrorReason, Does.StartWith("overcommit refused it: mode 0:"));
        Assert.That(records.Single().Reason, Is.EqualTo(p.Memory.LastErrorReason));
        Assert.That(records.Single().ToString(), Does.EndWith("= -1 ENOMEM"), "the strace line is unchanged");
    }
}
