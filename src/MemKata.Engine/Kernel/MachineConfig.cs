using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The simulated machine's hardware and sysctls: RAM, swap, architecture, overcommit, watermarks and swappiness. Sizes
/// are in bytes unless a name says kbytes (then KiB, as the sysctl files take them). The page size is 4 KiB.
/// </summary>
public sealed record MachineConfig
{
    /// <summary>The page size: 4 KiB on both profiles.</summary>
    public const ulong PageSize = PageUnits.PageSize;

    /// <summary>Physical RAM in bytes (rounded down to whole pages). Also MemTotal: the simulation reserves nothing for
    /// the kernel image.</summary>
    public ulong RamBytes { get; init; } = 4UL << 30;

    /// <summary>Swap space in bytes (0: no swap).</summary>
    public ulong SwapBytes { get; init; }

    /// <summary>The architecture profile (x86-64 unless said otherwise).</summary>
    public ArchitectureProfile Architecture { get; init; } = ArchitectureProfile.X86_64;

    /// <summary><c>vm.overcommit_memory</c>.</summary>
    public OvercommitMode Overcommit { get; init; } = OvercommitMode.Heuristic;

    /// <summary><c>vm.overcommit_ratio</c>: percent of RAM counted in CommitLimit in mode 2 (default 50).</summary>
    public int OvercommitRatio { get; init; } = 50;

    /// <summary><c>vm.overcommit_kbytes</c>: when not 0, used instead of the ratio in CommitLimit.</summary>
    public ulong OvercommitKbytes { get; init; }

    /// <summary><c>vm.admin_reserve_kbytes</c>: kept back from non-root processes in mode 2. Linux's boot default is
    /// min(free/32, 8 MiB); the simulation uses 8 MiB unless RAM is tiny.</summary>
    public ulong? AdminReserveKbytes { get; init; }

    /// <summary><c>vm.user_reserve_kbytes</c>: in mode 2 a process may not commit its last min(total_vm/32, this). Linux's
    /// boot default is min(free/32, 128 MiB).</summary>
    public ulong? UserReserveKbytes { get; init; }

    /// <summary><c>vm.min_free_kbytes</c>; null derives it from RAM as Linux does at boot (see <see cref="Watermarks"/>).</summary>
    public ulong? MinFreeKbytes { get; init; }

    /// <summary><c>vm.watermark_scale_factor</c>, in units of 0.01% of RAM (default 10 = 0.1%).</summary>
    public int WatermarkScaleFactor { get; init; } = 10;

    /// <summary><c>vm.swappiness</c>, 0 to 200 (default 60).</summary>
    public int Swappiness { get; init; } = 60;

    /// <summary>How many page allocations pass between two kswapd batches while it is awake. Real kswapd runs beside
    /// the allocating program; the simulation interleaves it deterministically: every this many allocations it
    /// reclaims one batch of <see cref="KswapdBatchPages"/> pages.</summary>
    public int KswapdPeriod { get; init; } = 64;

    /// <summary>Pages kswapd tries to reclaim per batch (Linux's SWAP_CLUSTER_MAX is 32).</summary>
    public int KswapdBatchPages { get; init; } = 32;

    /// <summary>When true (the default), a new process starts with its C library's data pages resident, as the dynamic
    /// loader leaves them before <c>main</c> (one minor fault each). False gives bare processes that have touched nothing.</summary>
    public bool LoaderTouchesLibraryData { get; init; } = true;

    /// <summary>Physical frames.</summary>
    public long RamPages => (long)(RamBytes / PageSize);

    /// <summary>Swap slots.</summary>
    public long SwapPages => (long)(SwapBytes / PageSize);

    /// <summary>The effective admin reserve in KiB.</summary>
    public ulong EffectiveAdminReserveKbytes => AdminReserveKbytes ?? Math.Min(PageUnits.BytesToKilobytes(RamBytes) / 32, 1UL << 13);

    /// <summary>The effective user reserve in KiB.</summary>
    public ulong EffectiveUserReserveKbytes => UserReserveKbytes ?? Math.Min(PageUnits.BytesToKilobytes(RamBytes) / 32, 1UL << 17);

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (RamPages < 64)
        {
            throw new ArgumentException("MachineConfig: RAM must be at least 256 KiB (64 pages)");
        }

        if (Swappiness is < 0 or > 200)
        {
            throw new ArgumentException("MachineConfig: swappiness must be between 0 and 200");
        }

        if (OvercommitRatio < 0 || WatermarkScaleFactor is < 1 or > 3000 || KswapdPeriod < 1 || KswapdBatchPages < 1)
        {
            throw new ArgumentException("MachineConfig: overcommit ratio, watermark scale factor or kswapd pacing out of range");
        }

        if (RamPages > int.MaxValue - 1)
        {
            throw new ArgumentException("MachineConfig: RAM too large for the simulation (at most 8 TiB)");
        }
    }
}
