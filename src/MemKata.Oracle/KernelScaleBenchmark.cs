using System.Runtime.InteropServices;
using MemKata.Engine.Kernel;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace MemKata.Oracle;

/// <summary>
/// The kernel's scale benchmark: a simulated process touching more memory than the simulated machine has (about two
/// million faults, reclaim and swapping with the defaults), timed against this machine's real kernel taking first-touch
/// page faults in the same run, so the result is a ratio rather than a number that only means something here. Rounds
/// alternate between the two sides so that a noisy moment hurts both.
/// </summary>
public static class KernelScaleBenchmark
{
    private const ulong Page = 4096;

    /// <summary>Runs <paramref name="rounds"/> timed rounds per side, after one untimed warm-up round of each at a
    /// sixteenth of the size, and reports medians.</summary>
    public static KernelScaleResult Run(KernelScaleWorkload workload, int rounds)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        var warmUp = workload with { TouchBytes = Math.Max(Page, workload.TouchBytes / 16), RealTouchBytes = Math.Max(Page, workload.RealTouchBytes / 16) };
        RunSimulated(warmUp, measureMemory: false);
        RealNsPerFault(warmUp.RealTouchBytes);

        var simulated = new List<double>();
        var real = new List<double>();
        SimulatedRound last = default;
        for (var round = 0; round < rounds; round++)
        {
            real.Add(RealNsPerFault(workload.RealTouchBytes));
            last = RunSimulated(workload, measureMemory: round == rounds - 1);
            simulated.Add(last.Milliseconds);
        }

        var milliseconds = Median(simulated);
        return new KernelScaleResult(workload, rounds, last.Faults, last.SwappedOut, milliseconds,
            last.Faults == 0 ? 0 : milliseconds * 1e6 / last.Faults, Median(real), last.ManagedBytes);
    }

    private static SimulatedRound RunSimulated(KernelScaleWorkload workload, bool measureMemory)
    {
        var before = measureMemory ? GC.GetTotalMemory(forceFullCollection: true) : 0;
        var machine = new Machine(new MachineConfig
        {
            RamBytes = workload.RamBytes,
            SwapBytes = workload.SwapBytes,
            Overcommit = OvercommitMode.Always,
            LoaderTouchesLibraryData = false,
        });
        machine.Events.LogFaults = false;
        var process = machine.Spawn("toucher");
        var start = Stopwatch.GetTimestamp();
        var address = process.Memory.Mmap(workload.TouchBytes);
        for (var offset = 0UL; offset < workload.TouchBytes; offset += Page)
        {
            process.Memory.WriteByte(address + offset, 1);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var managed = measureMemory ? GC.GetTotalMemory(forceFullCollection: true) - before : 0;
        GC.KeepAlive(machine);
        return new SimulatedRound(elapsed.TotalMilliseconds, process.MinorFaults + process.MajorFaults, machine.VmStat.PswpOut, managed);
    }

    // Fresh anonymous memory from the C library (large enough to be mmapped, so every page is untouched), one store per
    // page: each store is a real first-touch fault (zero-filled by the kernel).
    private static double RealNsPerFault(ulong bytes)
    {
        var memory = Marshal.AllocHGlobal(checked((nint)bytes));
        try
        {
            var start = Stopwatch.GetTimestamp();
            for (var offset = 0UL; offset < bytes; offset += Page)
            {
                Marshal.WriteByte(memory + (nint)offset, 1);
            }

            return Stopwatch.GetElapsedTime(start).TotalNanoseconds / (bytes / Page);
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private readonly record struct SimulatedRound(double Milliseconds, long Faults, long SwappedOut, long ManagedBytes);
}
