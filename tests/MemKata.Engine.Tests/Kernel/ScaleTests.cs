using System.Diagnostics;
using MemKata.Engine.Kernel;

namespace MemKata.Engine.Tests.Kernel;

// The scale target: one process touching 8 GiB on a 4 GiB machine with 8 GiB of swap (about 2 million faults,
// heavy reclaim and swapping). Explicit: it takes seconds and gigabytes; run it by name when working on performance.
[Explicit("scale run: seconds and gigabytes")]
public class ScaleTests
{
    [Test]
    public void Touching_8_GiB_on_a_4_GiB_machine_with_8_GiB_swap()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 4UL << 30, SwapBytes = 8UL << 30, LoaderTouchesLibraryData = false });
        machine.Events.LogFaults = false;
        var p = machine.Spawn("big");
        var size = 8UL << 30;
        var a = p.Memory.Mmap(size);
        var clock = Stopwatch.StartNew();

        for (var offset = 0UL; offset < size; offset += 4096)
        {
            p.Memory.WriteByte(a + offset, 1);
        }

        clock.Stop();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        TestContext.Out.WriteLine($"{p.MinorFaults} faults, {machine.VmStat.PswpOut} swapped out, {clock.ElapsedMilliseconds} ms, {managed >> 20} MiB managed");
        TestContext.Out.WriteLine(ProcFs.VmStat(machine));
        Assert.That(p.ResidentPages + p.SwapEntries, Is.EqualTo((long)(size / 4096)));
    }

    [Test]
    public void Touching_8_GiB_on_a_16_GiB_machine_without_reclaim()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 16UL << 30, LoaderTouchesLibraryData = false });
        machine.Events.LogFaults = false;
        var p = machine.Spawn("big");
        var size = 8UL << 30;
        var a = p.Memory.Mmap(size);
        var clock = Stopwatch.StartNew();

        for (var offset = 0UL; offset < size; offset += 4096)
        {
            p.Memory.WriteByte(a + offset, 1);
        }

        clock.Stop();
        TestContext.Out.WriteLine($"{p.MinorFaults} faults, {clock.ElapsedMilliseconds} ms, no reclaim");
        Assert.That(p.ResidentPages, Is.EqualTo((long)(size / 4096)));
    }

    [Test]
    public void Touching_1_GiB_on_a_2_GiB_machine_without_reclaim()
    {
        var machine = new Machine(new MachineConfig { RamBytes = 2UL << 30, LoaderTouchesLibraryData = false });
        machine.Events.LogFaults = false;
        var p = machine.Spawn("mid");
        var size = 1UL << 30;
        var a = p.Memory.Mmap(size);
        var clock = Stopwatch.StartNew();

        for (var offset = 0UL; offset < size; offset += 4096)
        {
            p.Memory.WriteByte(a + offset, 1);
        }

        clock.Stop();
        TestContext.Out.WriteLine($"{p.MinorFaults} faults, {clock.ElapsedMilliseconds} ms, no reclaim");
        Assert.That(p.ResidentPages, Is.EqualTo((long)(size / 4096)));
    }
}
