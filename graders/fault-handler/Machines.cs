using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;

namespace MemKata.Graders.FaultHandler;

/// <summary>Small machines whose kernel calls the learner's handler, and the checks the tests share.</summary>
internal static class Machines
{
    public const ulong Page = MachineConfig.PageSize;

    /// <summary>A machine of <paramref name="ramPages"/> pages (and swap) with the learner's handler (or
    /// <paramref name="handler"/>, a <see cref="TaskRouter"/> that gives it only the faults of one task), and one bare
    /// process on it (not even the C library's data touched), so that counts start at zero.</summary>
    public static (Machine Machine, SimProcess Process) New(long ramPages = 1024, long swapPages = 0, IPageFaultHandler? handler = null)
    {
        var machine = new Machine(
            new MachineConfig
            {
                RamBytes = (ulong)ramPages * Page,
                SwapBytes = (ulong)swapPages * Page,
                Overcommit = OvercommitMode.Always,
                LoaderTouchesLibraryData = false,
            },
            handler ?? RuleCheckedHandler.Learner());
        return (machine, machine.Spawn("p"));
    }

    public static PageTableEntry Pte(SimProcess process, ulong address) => process.PageTable.Get(address / Page);

    /// <summary>Writes <paramref name="value"/> into the first byte of each of <paramref name="pages"/> pages.</summary>
    public static void WriteEach(SimProcess process, ulong address, long pages, Func<long, byte> value)
    {
        for (var i = 0L; i < pages; i++)
        {
            process.Memory.WriteByte(address + ((ulong)i * Page), value(i));
        }
    }

    /// <summary>Runs <paramref name="action"/>, which must end with the process killed (out of memory). Any other
    /// exception, the stub's NotImplementedException included, escapes as it is.</summary>
    public static void ExpectKilled(Action action, string why)
    {
        try
        {
            action();
        }
        catch (ProcessKilledException)
        {
            return;
        }

        Assert.Fail(why);
    }
}
