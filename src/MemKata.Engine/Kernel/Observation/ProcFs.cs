using System.Globalization;
using System.Text;
using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The /proc files a learner reads on a real box, printed from the machine's state in the kernel's formats
/// (fs/proc/meminfo.c, fs/proc/task_mmu.c <c>task_mem</c>, fs/proc/base.c <c>proc_oom_score</c>, mm/vmstat.c).
/// </summary>
public static class ProcFs
{
    /// <summary><c>/proc/meminfo</c> (the lines the simulation has values for).</summary>
    public static string Meminfo(Machine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var lru = machine.Lru;
        var free = machine.Frames.FreeFrames;
        var activeAnon = lru.Count(Contracts.Kernel.LruList.ActiveAnon);
        var inactiveAnon = lru.Count(Contracts.Kernel.LruList.InactiveAnon);
        var activeFile = lru.Count(Contracts.Kernel.LruList.ActiveFile);
        var inactiveFile = lru.Count(Contracts.Kernel.LruList.InactiveFile);
        var cached = (long)machine.PageCache.CachedPages;
        var (dirty, mapped) = machine.Frames.CountPageCache();

        var pageTables = machine.Processes.Where(p => p.IsAlive).Sum(p => p.PageTable.TablePages);

        // si_mem_available: free memory above the reserve, plus the page cache that could be dropped without going
        // below the low watermark.
        var available = Math.Max(0, free - machine.Watermarks.High + cached - Math.Min(cached / 2, machine.Watermarks.Low));
        var text = new StringBuilder();
        void Line(string name, long pages) =>
            text.Append(CultureInfo.InvariantCulture, $"{name + ":",-16}{PageUnits.PagesToKilobytes(pages),8} kB\n");
        Line("MemTotal", machine.Config.RamPages);
        Line("MemFree", free);
        Line("MemAvailable", available);
        Line("Buffers", 0);
        Line("Cached", cached);
        Line("SwapCached", 0);
        Line("Active", activeAnon + activeFile);
        Line("Inactive", inactiveAnon + inactiveFile);
        Line("Active(anon)", activeAnon);
        Line("Inactive(anon)", inactiveAnon);
        Line("Active(file)", activeFile);
        Line("Inactive(file)", inactiveFile);
        Line("SwapTotal", machine.Swap.TotalSlots);
        Line("SwapFree", machine.Swap.FreeSlots);
        Line("Dirty", dirty);
        Line("AnonPages", inactiveAnon + activeAnon);
        Line("Mapped", mapped);
        Line("PageTables", pageTables);
        Line("CommitLimit", machine.Overcommit.CommitLimitPages);
        Line("Committed_AS", machine.Overcommit.CommittedPages);
        return text.ToString();
    }

    /// <summary><c>/proc/PID/status</c>: the name and the memory lines (VmSize, VmRSS, RssAnon, RssFile, VmPTE, VmSwap).</summary>
    public static string Status(SimProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Name:\t{process.Name}\n");
        text.Append(CultureInfo.InvariantCulture, $"State:\t{(process.IsAlive ? "S (sleeping)" : "X (dead)")}\n");
        text.Append(CultureInfo.InvariantCulture, $"Pid:\t{process.Pid}\n");
        void Line(string name, long pages) =>
            text.Append(CultureInfo.InvariantCulture, $"{name}:\t{PageUnits.PagesToKilobytes(pages),8} kB\n");
        Line("VmSize", process.IsAlive ? (long)process.Memory.TotalVmPages : 0);
        Line("VmRSS", process.ResidentPages);
        Line("RssAnon", process.AnonPages);
        Line("RssFile", process.FilePages);
        Line("RssShmem", 0);
        Line("VmPTE", process.PageTable.TablePages);
        Line("VmSwap", process.SwapEntries);
        return text.ToString();
    }

    /// <summary><c>/proc/PID/oom_score</c>: the number and a newline.</summary>
    public static string OomScore(Machine machine, SimProcess process)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return machine.OomKiller.OomScoreOf(process).ToString(CultureInfo.InvariantCulture) + "\n";
    }

    /// <summary><c>/proc/vmstat</c> (the counters the simulation keeps).</summary>
    public static string VmStat(Machine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return machine.VmStat.Render();
    }
}
