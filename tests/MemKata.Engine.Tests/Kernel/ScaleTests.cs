using MemKata.Engine.Kernel;

namespace MemKata.Engine.Tests.Kernel;

// The scale case, checked for what it costs in memory (time is measured by `memkata bench --kernel`, never
// here): one process touching 8 GiB on a 4 GiB machine with 8 GiB of swap, about 2 million faults and a million pages
// swapped out, held in well under 512 MiB because frames keep their bytes in compact form.
public class ScaleTests
{
    private const long ManagedLimit = 512L << 20;

    [Test]
    public void Touching_8_GiB_on_a_4_GiB_machine_with_8_GiB_swap_stays_under_512_MiB_of_managed_memory()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var machine = new Machine(new MachineConfig { RamBytes = 4UL << 30, SwapBytes = 8UL << 30, LoaderTouchesLibraryData = false });
        machine.Events.LogFaults = false;
        var p = machine.Spawn("big");
        const ulong size = 8UL << 30;
        var a = p.Memory.Mmap(size);
        for (var offset = 0UL; offset < size; offset += 4096)
        {
            p.Memory.WriteByte(a + offset, 1);
        }

        var managed = GC.GetTotalMemory(forceFullCollection: true) - before;
        TestContext.Out.WriteLine($"{p.MinorFaults} faults, {machine.VmStat.PswpOut} pages swapped out, {managed >> 20} MiB managed");
        Assert.That(p.ResidentPages + p.SwapEntries, Is.EqualTo((long)(size / 4096)));
        Assert.That(machine.VmStat.PswpOut, Is.GreaterThan(1_000_000));
        Assert.That(managed, Is.LessThan(ManagedLimit));
        GC.KeepAlive(machine);
    }
}
