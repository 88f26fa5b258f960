using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;

namespace MemKata.Scenarios.Summaries;

/// <summary>
/// The few numbers that make a scenario's point, read from the machine after the run: heap growth and mmap areas,
/// faults, overcommit refusals, kswapd versus direct reclaim, swap and writeback traffic, OOM kills with the victim's
/// score. A number that stayed zero is left out (faults excepted), so each scenario shows what it is about.
/// </summary>
public static class ScenarioKeyNumbers
{
    /// <summary>The key numbers of <paramref name="result"/>, as (name, value) lines.</summary>
    public static IReadOnlyList<(string Name, string Value)> Of(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var machine = result.Machine;
        var vm = machine.VmStat;
        var facts = new List<(string, string)>();
        var several = machine.Processes.Count > 1;
        string Who(SimProcess p) => several ? p.Name + ": " : "";

        foreach (var p in machine.Processes.Where(p => p.IsAlive))
        {
            var heap = p.Memory.ProgramBreak - p.Memory.HeapStart;
            var mmaps = p.Memory.Mappings.Where(m => m.Kind == VmaKind.Anonymous).ToList();
            var files = p.Memory.Mappings.Where(m => m.Kind is VmaKind.FileShared or VmaKind.FilePrivate).ToList();
            if (heap > 0 || mmaps.Count > 0 || files.Count > 0)
            {
                var parts = new List<string> { $"heap (brk) {SizeText.Bytes(heap)}" };
                if (mmaps.Count > 0)
                {
                    parts.Add($"{mmaps.Count} mmap area{(mmaps.Count == 1 ? "" : "s")} of {SizeText.Bytes((ulong)mmaps.Sum(m => (decimal)m.Length))}");
                }

                if (files.Count > 0)
                {
                    parts.Add($"{files.Count} file mapping{(files.Count == 1 ? "" : "s")} of {SizeText.Bytes((ulong)files.Sum(m => (decimal)m.Length))}");
                }

                facts.Add(("Address space", Who(p) + string.Join(", ", parts)));
            }

            facts.Add(("Memory use", $"{Who(p)}VmSize {SizeText.Pages((long)p.Memory.TotalVmPages)}, VmRSS {SizeText.Pages(p.ResidentPages)}" +
                (p.SwapEntries > 0 ? $", VmSwap {SizeText.Pages(p.SwapEntries)}" : "")));
        }

        facts.Add(("Page faults", $"{SizeText.Number(vm.PgFault - vm.PgMajFault)} minor (no I/O), {SizeText.Number(vm.PgMajFault)} major (read from swap or a file)"));

        var refused = $"{SizeText.Number(machine.Overcommit.Refusals)} request(s) refused";
        switch (machine.Config.Overcommit)
        {
            case OvercommitMode.Never:
                facts.Add(("Overcommit", $"{refused}; mode 2 keeps Committed_AS ({SizeText.Pages(machine.Overcommit.CommittedPages)}) " +
                    $"within CommitLimit ({SizeText.Pages(machine.Overcommit.CommitLimitPages)})"));
                break;
            case OvercommitMode.Heuristic when machine.Overcommit.Refusals > 0:
                facts.Add(("Overcommit", $"{refused}; mode 0 refuses one request larger than RAM + swap " +
                    $"({SizeText.Bytes(machine.Config.RamBytes + machine.Config.SwapBytes)})"));
                break;
            case OvercommitMode.Always when machine.Overcommit.Refusals > 0:
                facts.Add(("Overcommit", refused));
                break;
        }

        if (vm.PageOutRun > 0 || vm.PgScanKswapd > 0)
        {
            facts.Add(("kswapd", $"{SizeText.Number(vm.PageOutRun)} background pass(es): scanned {SizeText.Number(vm.PgScanKswapd)} pages, reclaimed {SizeText.Number(vm.PgStealKswapd)}"));
        }

        if (vm.AllocStall > 0 || vm.PgScanDirect > 0)
        {
            facts.Add(("Direct reclaim", $"{SizeText.Number(vm.AllocStall)} stall(s) of the allocating process: scanned {SizeText.Number(vm.PgScanDirect)} pages, reclaimed {SizeText.Number(vm.PgStealDirect)}"));
        }

        if (vm.PswpOut > 0 || vm.PswpIn > 0)
        {
            facts.Add(("Swap", $"{SizeText.PagesWithSize(vm.PswpOut)} written out (pswpout), {SizeText.PagesWithSize(vm.PswpIn)} read back (pswpin); {SizeText.Pages(machine.Swap.UsedSlots)} of {SizeText.Pages(machine.Swap.TotalSlots)} in use"));
        }

        if (vm.PgPgOut > 0 || vm.PgPgIn > 0)
        {
            facts.Add(("File I/O", $"{SizeText.Bytes((ulong)vm.PgPgIn * 1024)} read into the page cache (pgpgin), {SizeText.Bytes((ulong)vm.PgPgOut * 1024)} of dirty pages written back (pgpgout)"));
        }

        foreach (var kill in machine.OomKills.Where(k => k.Victim is not null))
        {
            var victim = kill.Victim!.Value;
            facts.Add(("OOM kill", $"pid {victim.Pid} ({victim.Name}): oom_score {kill.OomScoreOf(victim)} when chosen, " +
                $"RSS {SizeText.Bytes((ulong)victim.ResidentPages * MachineConfig.PageSize)}, oom_score_adj {victim.OomScoreAdj}"));
        }

        if (several || vm.OomKill > 0)
        {
            var scores = machine.Processes.Select(p => p.IsAlive
                ? $"{p.Name} {machine.OomKiller.OomScoreOf(p)} (adj {p.OomScoreAdj})"
                : $"{p.Name} dead");
            facts.Add(("oom_score now", string.Join(", ", scores)));
        }

        return facts;
    }

    /// <summary>Pages on the anonymous LRU lists (AnonPages of /proc/meminfo).</summary>
    public static long AnonPages(Machine machine) => machine is null ? throw new ArgumentNullException(nameof(machine)) :
        machine.Lru.Count(LruList.ActiveAnon) + machine.Lru.Count(LruList.InactiveAnon);
}
