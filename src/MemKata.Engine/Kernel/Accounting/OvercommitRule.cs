using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The overcommit rule, as Linux 6.x's mm/util.c decides it (<c>__vm_enough_memory</c>, <c>vm_commit_limit</c>): may a
/// process commit more private writable memory? Pure arithmetic over the machine's configuration; the
/// <see cref="CommitAccounting"/> keeps the counters and asks here.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Mode 1 (always): never refuses.</item>
/// <item>Mode 0 (heuristic): refuses one request larger than total RAM + total swap, whatever is in use. So on a 4 GiB
/// machine without swap a single malloc(8 GiB) fails at once, while two of 3 GiB both succeed: the check is per
/// request, and memory is only really taken page by page when touched.</item>
/// <item>Mode 2 (never): CommitLimit = swap + RAM × overcommit_ratio / 100 (or overcommit_kbytes when set); less the
/// admin reserve for non-root processes and min(total_vm / 32, user reserve) of the asking process; the request is
/// refused unless Committed_AS, with it included, stays below that.</item>
/// </list>
/// </remarks>
public static class OvercommitRule
{
    /// <summary>CommitLimit in pages for <paramref name="config"/> (printed whatever the mode, enforced only in mode 2).</summary>
    public static long CommitLimitPages(MachineConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return (config.OvercommitKbytes != 0
            ? (long)PageUnits.KilobytesToPages(config.OvercommitKbytes)
            : config.RamPages * config.OvercommitRatio / 100) + config.SwapPages;
    }

    /// <summary>
    /// Why a request for <paramref name="pages"/> is refused, or null when it is allowed: <paramref name="committedWithRequest"/>
    /// is Committed_AS with the request already added, <paramref name="totalVmPages"/> the asking process's size.
    /// </summary>
    public static string? Refusal(MachineConfig config, long pages, long committedWithRequest, long totalVmPages, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Overcommit switch
        {
            OvercommitMode.Always => null,
            OvercommitMode.Heuristic => pages > config.RamPages + config.SwapPages
                ? $"mode 0: {pages} pages is more than RAM + swap ({config.RamPages + config.SwapPages} pages)"
                : null,
            _ => StrictRefusal(config, committedWithRequest, totalVmPages, isAdmin),
        };
    }

    private static string? StrictRefusal(MachineConfig config, long committed, long totalVmPages, bool isAdmin)
    {
        var limit = CommitLimitPages(config);
        var allowed = limit;
        if (!isAdmin)
        {
            allowed -= (long)PageUnits.KilobytesToPages(config.EffectiveAdminReserveKbytes);
        }

        allowed -= Math.Min(totalVmPages / 32, (long)PageUnits.KilobytesToPages(config.EffectiveUserReserveKbytes));
        return committed < allowed
            ? null
            : $"mode 2: Committed_AS would be {committed} pages, not below the {allowed} allowed (CommitLimit {limit} less reserves)";
    }
}
