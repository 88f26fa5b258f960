using MemKata.Engine.Kernel;

namespace MemKata.Reports.Html.Recording;

/// <summary>The /proc/vmstat counters the timeline draws, read at one moment; the difference of two readings is what
/// happened between them.</summary>
/// <param name="MinorFaults">Page faults served without I/O.</param>
/// <param name="MajorFaults">Page faults that read swap or a file (pgmajfault).</param>
/// <param name="SwapOut">Pages written to swap (pswpout).</param>
/// <param name="SwapIn">Pages read from swap (pswpin).</param>
/// <param name="WrittenBackKb">Kilobytes of dirty file pages written back (pgpgout).</param>
/// <param name="AllocStalls">Direct-reclaim stalls (allocstall).</param>
/// <param name="KswapdRuns">kswapd's reclaim passes (pageoutrun).</param>
/// <param name="OomKills">OOM kills (oom_kill).</param>
public readonly record struct VmCounters(
    long MinorFaults, long MajorFaults, long SwapOut, long SwapIn, long WrittenBackKb, long AllocStalls, long KswapdRuns, long OomKills)
{
    /// <summary>The counters of <paramref name="vm"/> now.</summary>
    public static VmCounters Of(VmStat vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return new VmCounters(vm.PgFault - vm.PgMajFault, vm.PgMajFault, vm.PswpOut, vm.PswpIn, vm.PgPgOut, vm.AllocStall, vm.PageOutRun, vm.OomKill);
    }

    /// <summary>What happened from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static VmCounters operator -(VmCounters after, VmCounters before) => new(
        after.MinorFaults - before.MinorFaults, after.MajorFaults - before.MajorFaults, after.SwapOut - before.SwapOut,
        after.SwapIn - before.SwapIn, after.WrittenBackKb - before.WrittenBackKb, after.AllocStalls - before.AllocStalls,
        after.KswapdRuns - before.KswapdRuns, after.OomKills - before.OomKills);

    /// <summary>Same as the minus operator, for languages without operators.</summary>
    public static VmCounters Subtract(VmCounters after, VmCounters before) => after - before;
}
