using System.Globalization;
using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The table of tasks the OOM killer prints before it kills (Linux 6.8+ mm/oom_kill.c <c>dump_tasks</c> and
/// <c>dump_task</c>): a title, a column header, then one line per process it considered, memory in pages except the
/// page tables, in bytes. Every simulated process runs as root (uid 0) with one thread (tgid = pid) and no shared memory.
/// </summary>
public static class OomTaskDump
{
    /// <summary>The line before the table.</summary>
    public const string Title = "Tasks state (memory values in pages):";

    /// <summary>The column header, as the kernel prints it.</summary>
    public const string Header = "[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name";

    /// <summary>The table's line for <paramref name="task"/>: the kernel's column widths (pid in brackets padded to 7,
    /// uid and tgid to 5, the counters to 8 (rss_shmem to 9), oom_score_adj to 5 after nine spaces), then the name.</summary>
    public static string Line(OomCandidate task)
    {
        const int Uid = 0;
        const long ShmemPages = 0;
        var tableBytes = task.PageTablePages * (long)MachineConfig.PageSize;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{task.Pid,7}] {Uid,5} {task.Pid,5} {task.TotalVmPages,8} {task.ResidentPages,8} {task.AnonPages,8} {task.FilePages,8} {ShmemPages,9} {tableBytes,8} {task.SwapEntries,8}         {task.OomScoreAdj,5} {task.Name}");
    }

    /// <summary>The whole table for <paramref name="tasks"/>, one string per line: title, header, one line per task.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<OomCandidate> tasks) => [Title, Header, .. tasks.Select(Line)];
}
