using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The free-memory watermarks that drive reclaim, derived from RAM as Linux 6.x derives them at boot (mm/page_alloc.c:
/// <c>calculate_min_free_kbytes</c> and <c>__setup_per_zone_wmarks</c>). Below <see cref="Low"/> kswapd wakes and reclaims
/// until <see cref="High"/>; an allocation that would leave <see cref="Min"/> or less free reclaims directly.
/// </summary>
/// <remarks>
/// Simplification: Linux splits RAM into zones (DMA, DMA32, Normal; HighMem on i386) and gives each zone its share of
/// min_free_kbytes in proportion to its size. The simulation has one zone holding all RAM, so that zone's watermarks are
/// the machine's. (On i386 the min_free_kbytes default is still derived from lowmem only: at most 896 MiB.)
/// </remarks>
/// <param name="MinFreeKbytes">The effective <c>vm.min_free_kbytes</c>.</param>
/// <param name="Min">The min watermark in pages.</param>
/// <param name="Low">The low watermark in pages.</param>
/// <param name="High">The high watermark in pages.</param>
public sealed record Watermarks(ulong MinFreeKbytes, long Min, long Low, long High)
{
    private const ulong I386LowmemBytes = 896UL << 20;

    /// <summary>The watermarks of <paramref name="config"/>'s machine.</summary>
    public static Watermarks For(MachineConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var managedPages = (ulong)config.RamPages;
        var lowmemBytes = config.Architecture == ArchitectureProfile.I386 ? Math.Min(config.RamBytes, I386LowmemBytes) : config.RamBytes;
        var minFree = config.MinFreeKbytes ?? DefaultMinFreeKbytes(PageUnits.BytesToPages(lowmemBytes) * (ulong)PageUnits.KilobytesPerPage);

        // min_free_kbytes in pages is the min watermark (all of it: one zone). The gap between min, low and high is a
        // quarter of min, or watermark_scale_factor ten-thousandths of the zone, whichever is larger.
        var min = PageUnits.KilobytesToPages(minFree);
        var gap = Math.Max(min >> 2, MultiplyFraction(managedPages, (ulong)config.WatermarkScaleFactor, 10000));
        return new Watermarks(minFree, (long)min, (long)(min + gap), (long)(min + 2 * gap));
    }

    /// <summary>Linux's boot-time default: the integer square root of 16 × lowmem in KiB, clamped to [128, 262144].</summary>
    public static ulong DefaultMinFreeKbytes(ulong lowmemKbytes) => Math.Clamp(IntegerSquareRoot(lowmemKbytes * 16), 128UL, 262144UL);

    /// <summary>floor(sqrt(<paramref name="value"/>)), exactly (the kernel's <c>int_sqrt</c>).</summary>
    public static ulong IntegerSquareRoot(ulong value)
    {
        // Start from the floating-point guess and correct it; comparing by division never overflows.
        var root = Math.Min((ulong)Math.Sqrt(value), uint.MaxValue);
        while (root > 0 && root > value / root)
        {
            root--;
        }

        while (root < uint.MaxValue && root + 1 <= value / (root + 1))
        {
            root++;
        }

        return root;
    }

    // The kernel's mult_frac(x, n, d): x * n / d without overflowing, rounding down.
    private static ulong MultiplyFraction(ulong x, ulong numerator, ulong denominator) =>
        (x / denominator * numerator) + (x % denominator * numerator / denominator);
}
