using MemKata.Engine.Kernel;

namespace MemKata.Engine.Tests.Kernel;

/// <summary>Small machines for kernel tests: a few MiB of RAM so that reclaim and OOM happen after a few pages.</summary>
internal static class KernelTestMachines
{
    public const ulong Page = 4096;

    /// <summary>A machine of <paramref name="ramPages"/> pages with <paramref name="swapPages"/> pages of swap, whose
    /// processes start bare (nothing touched, not even the C library's data), so counts start at zero.</summary>
    public static Machine Small(long ramPages = 1024, long swapPages = 0, OvercommitMode mode = OvercommitMode.Always, int swappiness = 60) =>
        new(new MachineConfig
        {
            RamBytes = (ulong)ramPages * Page,
            SwapBytes = (ulong)swapPages * Page,
            Overcommit = mode,
            Swappiness = swappiness,
            LoaderTouchesLibraryData = false,
        });

    /// <summary>Writes one byte into each page of [address, address + pages × 4096).</summary>
    public static void TouchForWrite(SimProcess process, ulong address, long pages, byte value = 1)
    {
        for (var i = 0L; i < pages; i++)
        {
            process.Memory.WriteByte(address + ((ulong)i * Page), value);
        }
    }

    /// <summary>Reads one byte from each page of [address, address + pages × 4096) and returns their sum.</summary>
    public static long TouchForRead(SimProcess process, ulong address, long pages)
    {
        var sum = 0L;
        for (var i = 0L; i < pages; i++)
        {
            sum += process.Memory.ReadByte(address + ((ulong)i * Page));
        }

        return sum;
    }
}
