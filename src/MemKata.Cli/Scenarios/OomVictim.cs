using System.Globalization;
using System.Text.RegularExpressions;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;

namespace MemKata.Cli.Scenarios;

/// <summary>A process the OOM killer killed, read back from the kernel's "Out of memory: Killed process" line.</summary>
/// <param name="Pid">Its pid.</param>
/// <param name="Name">Its name.</param>
/// <param name="ResidentKiB">anon-rss + file-rss + shmem-rss at the kill, in KiB.</param>
/// <param name="PageTablesKiB">Its page tables at the kill, in KiB.</param>
/// <param name="OomScoreAdj">Its oom_score_adj.</param>
/// <param name="ScoreAtKill">The oom_score it had when chosen; null when the machine has swap (the kill line does not
/// show swap entries, which count too).</param>
internal sealed partial record OomVictim(int Pid, string Name, long ResidentKiB, long PageTablesKiB, int OomScoreAdj, long? ScoreAtKill)
{
    /// <summary>The victims of <paramref name="machine"/>'s OOM kills, in order.</summary>
    public static IReadOnlyList<OomVictim> Of(Machine machine)
    {
        var victims = new List<OomVictim>();
        foreach (var e in machine.Events.Events.Where(e => e.Kind == KernelEventKind.OomKill))
        {
            var m = KillLine().Match(e.Text);
            if (!m.Success)
            {
                continue;
            }

            long Number(string group) => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
            var resident = Number("anon") + Number("file") + Number("shmem");
            var tables = Number("tables");
            var adj = (int)Number("adj");
            var pid = (int)Number("pid");
            long? score = machine.Config.SwapBytes == 0
                ? OomKiller.OomScore(new OomCandidate(pid, m.Groups["name"].Value, resident / 4, 0, tables / 4, adj), machine.TotalPages)
                : null;
            victims.Add(new OomVictim(pid, m.Groups["name"].Value, resident, tables, adj, score));
        }

        return victims;
    }

    [GeneratedRegex(@"Killed process (?<pid>\d+) \((?<name>.*?)\) total-vm:\d+kB, anon-rss:(?<anon>\d+)kB, file-rss:(?<file>\d+)kB, shmem-rss:(?<shmem>\d+)kB, UID:\d+ pgtables:(?<tables>\d+)kB oom_score_adj:(?<adj>-?\d+)")]
    private static partial Regex KillLine();
}
