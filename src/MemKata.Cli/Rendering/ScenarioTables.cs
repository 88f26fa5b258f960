using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Engine.Memory;
using MemKata.Scenarios;
using MemKata.Scenarios.Summaries;
using Spectre.Console;

namespace MemKata.Cli.Rendering;

/// <summary>The tables a scenario report is made of: its steps, its processes (address space, /proc/PID/status and
/// oom_score), /proc/meminfo and /proc/vmstat. <paramref name="plain"/> draws them with ASCII borders, for text that
/// is the same on every terminal and in every file.</summary>
/// <param name="plain">True for the deterministic text format.</param>
internal sealed class ScenarioTables(bool plain)
{
    private readonly bool _plain = plain;

    /// <summary>A new table with the report's border.</summary>
    public Table NewTable() => new Table().Border(_plain ? TableBorder.Ascii : TableBorder.Rounded);

    /// <summary>One row per step: where it is, who acts, what it does, what came of it, the faults it took.</summary>
    public Table Steps(ScenarioResult result)
    {
        var table = NewTable().AddColumn(new TableColumn("#").RightAligned()).AddColumn("line")
            .AddColumn("process").AddColumn("step").AddColumn("result")
            .AddColumn(new TableColumn("faults (minor/major)").RightAligned());
        foreach (var step in result.Steps)
        {
            var outcome = Markup.Escape(step.Result);
            if (step.IsDeath)
            {
                outcome = $"[red]{outcome}[/]";
            }
            else if (step.Kind is StepOutcomeKind.Null or StepOutcomeKind.TooMuchWork)
            {
                outcome = $"[yellow]{outcome}[/]";
            }

            table.AddRow(
                SizeText.Number(step.Index),
                SizeText.Number(step.Position.Line),
                Markup.Escape(step.Process.Length > 0 ? step.Process : "-"),
                Markup.Escape(step.Action),
                outcome,
                $"{SizeText.Number(step.MinorFaults)}/{SizeText.Number(step.MajorFaults)}");
        }

        return table;
    }

    /// <summary>One row per process: its heap and mmap areas, the /proc/PID/status memory lines, its oom_score_adj
    /// (column adj) and oom_score.</summary>
    public Table Processes(Machine machine)
    {
        var table = NewTable().AddColumn(new TableColumn("pid").RightAligned()).AddColumn("name").AddColumn("state");
        foreach (var heading in new[] { "heap (brk)", "mmap (anon)", "file maps", "VmSize", "VmRSS", "RssAnon", "RssFile", "VmPTE", "VmSwap", "adj", "oom_score" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var p in machine.Processes)
        {
            var alive = p.IsAlive;
            string Size(ulong bytes) => alive ? SizeText.Bytes(bytes) : "-";
            ulong Sum(Func<Mapping, bool> which) => alive ? (ulong)p.Memory.Mappings.Where(which).Sum(m => (decimal)m.Length) : 0;
            table.AddRow(
                SizeText.Number(p.Pid),
                Markup.Escape(p.Name),
                alive ? "running" : DeathOf(p),
                Size(alive ? p.Memory.ProgramBreak - p.Memory.HeapStart : 0),
                Size(Sum(m => m.Kind == VmaKind.Anonymous)),
                Size(Sum(m => m.Kind is VmaKind.FileShared or VmaKind.FilePrivate)),
                Size(alive ? p.Memory.TotalVmPages * MachineConfig.PageSize : 0),
                SizeText.Pages(p.ResidentPages),
                SizeText.Pages(p.AnonPages),
                SizeText.Pages(p.FilePages),
                SizeText.Pages(p.PageTable.TablePages),
                SizeText.Pages(p.SwapEntries),
                SizeText.Number(p.OomScoreAdj),
                SizeText.Number(machine.OomKiller.OomScoreOf(p)));
        }

        return table;
    }

    /// <summary>The live processes' mappings from the top of the address space down, as /proc/PID/maps lists them in
    /// reverse: the mmap area (malloc's own mappings, mapped files, libc's data) far above the heap.</summary>
    public Table Maps(Machine machine)
    {
        var table = NewTable().AddColumn(new TableColumn("pid").RightAligned()).AddColumn("start").AddColumn("end")
            .AddColumn(new TableColumn("size").RightAligned()).AddColumn("perms").AddColumn("what");
        foreach (var p in machine.Processes.Where(p => p.IsAlive))
        {
            foreach (var m in p.Memory.Mappings.OrderByDescending(m => m.Start))
            {
                var what = m.Kind switch
                {
                    VmaKind.FileShared => $"{m.FileName} (MAP_SHARED)",
                    VmaKind.FilePrivate => $"{m.FileName} (MAP_PRIVATE)",
                    VmaKind.Anonymous => "anonymous mmap (a malloc chunk of its own)",
                    _ => MemoryText.Describe(m.Kind),
                };
                table.AddRow(SizeText.Number(p.Pid), MemoryText.Hex(m.Start), MemoryText.Hex(m.End), SizeText.Bytes(m.Length),
                    Permissions(m), Markup.Escape(what));
            }
        }

        return table;
    }

    // As /proc/PID/maps: the last letter is s for a shared mapping, p for a private one.
    private static string Permissions(Mapping mapping) => mapping.Kind == VmaKind.FileShared
        ? MemoryText.Permissions(mapping.Protection)[..3] + "s"
        : MemoryText.Permissions(mapping.Protection);

    // Why a process is gone, in a word or two: the steps table and the event log say the rest.
    private static string DeathOf(SimProcess process) => process.KillReason switch
    {
        null => "exited",
        var r when r.Contains("out of memory", StringComparison.OrdinalIgnoreCase) => "[red]OOM-killed[/]",
        var r when r.StartsWith("SIGSEGV", StringComparison.Ordinal) => "[red]SIGSEGV[/]",
        var r when r.StartsWith("SIGABRT", StringComparison.Ordinal) => "[red]aborted[/]",
        _ => "killed",
    };

    /// <summary>/proc/meminfo as a two-column table (kB, as the file has them).</summary>
    public Table Meminfo(Machine machine) => Lines(ProcFs.Meminfo(machine), "/proc/meminfo", "kB", ':');

    /// <summary>/proc/vmstat as a two-column table.</summary>
    public Table VmStat(Machine machine)
    {
        var table = NewTable().AddColumn("/proc/vmstat").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (name, value) in machine.VmStat.Counters())
        {
            table.AddRow(name, value == 0 ? $"[dim]{SizeText.Number(value)}[/]" : SizeText.Number(value));
        }

        return table;
    }

    private Table Lines(string file, string title, string unit, char separator)
    {
        var table = NewTable().AddColumn(title).AddColumn(new TableColumn(unit).RightAligned());
        foreach (var line in file.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            var value = line[(at + 1)..].Trim();
            table.AddRow(Markup.Escape(line[..at]), Markup.Escape(value.EndsWith(" kB", StringComparison.Ordinal) ? value[..^3] : value));
        }

        return table;
    }

    /// <summary>The colour an event of <paramref name="kind"/> is shown in.</summary>
    public static string ColorOf(KernelEventKind kind) => kind switch
    {
        KernelEventKind.OomKill or KernelEventKind.SegmentationFault => "red",
        KernelEventKind.OomTasks => "red dim",
        KernelEventKind.OvercommitRefused => "yellow",
        KernelEventKind.Kswapd or KernelEventKind.Reclaim => "magenta",
        KernelEventKind.Syscall => "cyan",
        KernelEventKind.MajorFault => "blue",
        KernelEventKind.MinorFault => "dim",
        _ => "bold",
    };
}
