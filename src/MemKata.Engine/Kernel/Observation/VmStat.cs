using System.Text;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The event counters of <c>/proc/vmstat</c> that a learner looks at, named as Linux names them. They only ever grow.
/// </summary>
public sealed class VmStat
{
    /// <summary><c>pgfault</c>: page faults of every kind.</summary>
    public long PgFault { get; internal set; }

    /// <summary><c>pgmajfault</c>: faults that needed I/O (swap-in or file read).</summary>
    public long PgMajFault { get; internal set; }

    /// <summary><c>pgpgin</c>: KiB read from files into the page cache (Linux counts KiB here).</summary>
    public long PgPgIn { get; internal set; }

    /// <summary><c>pgpgout</c>: KiB written back to files.</summary>
    public long PgPgOut { get; internal set; }

    /// <summary><c>pswpin</c>: pages read from swap.</summary>
    public long PswpIn { get; internal set; }

    /// <summary><c>pswpout</c>: pages written to swap.</summary>
    public long PswpOut { get; internal set; }

    /// <summary><c>allocstall_normal</c>: times an allocation entered direct reclaim (one zone: Normal).</summary>
    public long AllocStall { get; internal set; }

    /// <summary><c>pgscan_kswapd</c>: inactive-list pages kswapd scanned.</summary>
    public long PgScanKswapd { get; internal set; }

    /// <summary><c>pgscan_direct</c>: inactive-list pages direct reclaim scanned.</summary>
    public long PgScanDirect { get; internal set; }

    /// <summary><c>pgsteal_kswapd</c>: pages kswapd reclaimed.</summary>
    public long PgStealKswapd { get; internal set; }

    /// <summary><c>pgsteal_direct</c>: pages direct reclaim reclaimed.</summary>
    public long PgStealDirect { get; internal set; }

    /// <summary><c>pgrefill</c>: active-list pages scanned (aged).</summary>
    public long PgRefill { get; internal set; }

    /// <summary><c>pageoutrun</c>: kswapd reclaim passes.</summary>
    public long PageOutRun { get; internal set; }

    /// <summary><c>oom_kill</c>: processes the OOM killer killed.</summary>
    public long OomKill { get; internal set; }

    /// <summary>The counters as <c>/proc/vmstat</c> prints them: "name value" lines.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in Counters())
        {
            text.Append(name).Append(' ').Append(value).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The counters as (Linux name, value), in <c>/proc/vmstat</c> order.</summary>
    public IEnumerable<(string Name, long Value)> Counters()
    {
        yield return ("pgpgin", PgPgIn);
        yield return ("pgpgout", PgPgOut);
        yield return ("pswpin", PswpIn);
        yield return ("pswpout", PswpOut);
        yield return ("allocstall_normal", AllocStall);
        yield return ("pgfault", PgFault);
        yield return ("pgmajfault", PgMajFault);
        yield return ("pgrefill", PgRefill);
        yield return ("pgsteal_kswapd", PgStealKswapd);
        yield return ("pgsteal_direct", PgStealDirect);
        yield return ("pgscan_kswapd", PgScanKswapd);
        yield return ("pgscan_direct", PgScanDirect);
        yield return ("pageoutrun", PageOutRun);
        yield return ("oom_kill", OomKill);
    }
}
