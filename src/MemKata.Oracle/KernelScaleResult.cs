namespace MemKata.Oracle;

/// <summary>The result of the kernel scale benchmark (see <see cref="KernelScaleBenchmark"/>).</summary>
/// <param name="Workload">What was run.</param>
/// <param name="Rounds">Timed rounds per side (a fresh machine, or fresh real memory, each round).</param>
/// <param name="Faults">Page faults the simulated process took in one round.</param>
/// <param name="SwappedOut">Pages the simulated machine swapped out in one round (pswpout).</param>
/// <param name="SimulatedMilliseconds">Median wall-clock time of one simulated round.</param>
/// <param name="SimulatedNsPerFault">Median simulated round time divided by its faults.</param>
/// <param name="RealNsPerFault">Median time of one real first-touch page fault on this machine.</param>
/// <param name="ManagedBytes">Managed memory the simulated machine held at the end of its round, after a full collection.</param>
public sealed record KernelScaleResult(
    KernelScaleWorkload Workload,
    int Rounds,
    long Faults,
    long SwappedOut,
    double SimulatedMilliseconds,
    double SimulatedNsPerFault,
    double RealNsPerFault,
    long ManagedBytes)
{
    /// <summary>How many times a simulated fault costs a real one (simulated / real); NaN when the real time is zero.</summary>
    public double Ratio => RealNsPerFault == 0 ? double.NaN : SimulatedNsPerFault / RealNsPerFault;
}
