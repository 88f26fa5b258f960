namespace MemKata.Oracle;

/// <summary>What the kernel scale benchmark runs: one process on a simulated machine touching
/// <paramref name="TouchBytes"/> of fresh anonymous memory, one byte per page, and, as the baseline measured in the same
/// run, this machine's real kernel serving <paramref name="RealTouchBytes"/> of first-touch page faults.</summary>
/// <param name="RamBytes">The simulated machine's RAM.</param>
/// <param name="SwapBytes">The simulated machine's swap.</param>
/// <param name="TouchBytes">How much the simulated process maps and touches.</param>
/// <param name="RealTouchBytes">How much the real baseline maps and touches (kept small: it is real memory).</param>
public sealed record KernelScaleWorkload(ulong RamBytes, ulong SwapBytes, ulong TouchBytes, ulong RealTouchBytes)
{
    /// <summary>The case: 8 GiB touched on a 4 GiB machine with 8 GiB of swap; the real baseline touches 512 MiB.</summary>
    public static KernelScaleWorkload Default { get; } = new(4UL << 30, 8UL << 30, 8UL << 30, 512UL << 20);
}
