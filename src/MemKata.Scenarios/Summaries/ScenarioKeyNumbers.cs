using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Scenarios.Wording;

namespace MemKata.Scenarios.Summaries;

/// <summary>
/// The few numbers that make a scenario's point, read from the machine after the run: heap growth and mmap areas,
/// faults, overcommit refusals, kswapd versus direct reclaim, swap and writeback traffic, OOM kills with the victim's
/// score. A number that stayed zero is left out (faults excepted), so each scenario shows what it is about.
/// </summary>
public static class ScenarioKeyNumbers
{
    /// <summary>The key numbers of <paramref name="result"/>, as (name, value) lines in English.</summary>
    public static IReadOnlyList<(string Name, string Value)> Of(ScenarioResult result) =>
        [.. Facts(result).Select(f => (f.Name, f.Value.English))];

    /// <summary>The key numbers of <paramref name="result"/>, each value a phrase a report can say in its language.</summary>
    public static IReadOnlyList<KeyNumber> Facts(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var machine = result.Machine;
        var vm = machine.VmStat;
        var facts = new List<KeyNumber>();
        var several = machine.Processes.Count > 1;
        Phrase Who(SimProcess p, Phrase fact) => several ? Phrase.Of(PhraseKey.ForProcess, p.Name, fact) : fact;

        foreach (var p in machine.Processes.Where(p => p.IsAlive))
        {
            var heap = p.Memory.ProgramBreak - p.Memory.HeapStart;
            var mmaps = p.Memory.Mappings.Where(m => m.Kind == VmaKind.Anonymous).ToList();
            var files = p.Memory.Mappings.Where(m => m.Kind is VmaKind.FileShared or VmaKind.FilePrivate).ToList();
            if (heap > 0 || mmaps.Count > 0 || files.Count > 0)
            {
                var parts = new List<Phrase> { Phrase.Of(PhraseKey.HeapBrk, SizeText.Bytes(heap)) };
                if (mmaps.Count > 0)
                {
                    parts.Add(Phrase.Of(mmaps.Count == 1 ? PhraseKey.MmapArea : PhraseKey.MmapAreas, mmaps.Count, SizeText.Bytes((ulong)mmaps.Sum(m => (decimal)m.Length))));
                }

                if (files.Count > 0)
                {
                    parts.Add(Phrase.Of(files.Count == 1 ? PhraseKey.FileMapping : PhraseKey.FileMappings, files.Count, SizeText.Bytes((ulong)files.Sum(m => (decimal)m.Length))));
                }

                facts.Add(new("Address space", Who(p, Phrase.List(parts))));
            }

            facts.Add(new("Memory use", Who(p, p.SwapEntries > 0
                ? Phrase.Of(PhraseKey.MemoryUseWithSwap, SizeText.Pages((long)p.Memory.TotalVmPages), SizeText.Pages(p.ResidentPages), SizeText.Pages(p.SwapEntries))
                : Phrase.Of(PhraseKey.MemoryUse, SizeText.Pages((long)p.Memory.TotalVmPages), SizeText.Pages(p.ResidentPages)))));
        }

        facts.Add(new("Page faults", Phrase.Of(PhraseKey.PageFaults, vm.PgFault - vm.PgMajFault, vm.PgMajFault)));

        var refused = Phrase.Of(PhraseKey.RequestsRefused, machine.Overcommit.Refusals);
        switch (machine.Config.Overcommit)
        {
            case OvercommitMode.Never:
                facts.Add(new("Overcommit", Phrase.Of(PhraseKey.OvercommitNever, refused,
                    SizeText.Pages(machine.Overcommit.CommittedPages), SizeText.Pages(machine.Overcommit.CommitLimitPages))));
                break;
            case OvercommitMode.Heuristic when machine.Overcommit.Refusals > 0:
                facts.Add(new("Overcommit", Phrase.Of(PhraseKey.OvercommitHeuristic, refused, SizeText.Bytes(machine.Config.RamBytes + machine.Config.SwapBytes))));
                break;
            case OvercommitMode.Always when machine.Overcommit.Refusals > 0:
                facts.Add(new("Overcommit", refused));
                break;
        }

        if (vm.PageOutRun > 0 || vm.PgScanKswapd > 0)
        {
            facts.Add(new("kswapd", Phrase.Of(PhraseKey.KswapdPasses, vm.PageOutRun, vm.PgScanKswapd, vm.PgStealKswapd)));
        }

        if (vm.AllocStall > 0 || vm.PgScanDirect > 0)
        {
            facts.Add(new("Direct reclaim", Phrase.Of(PhraseKey.DirectReclaimStalls, vm.AllocStall, vm.PgScanDirect, vm.PgStealDirect)));
        }

        if (vm.PswpOut > 0 || vm.PswpIn > 0)
        {
            facts.Add(new("Swap", Phrase.Of(PhraseKey.SwapTraffic, SizeText.PagesWithSizePhrase(vm.PswpOut), SizeText.PagesWithSizePhrase(vm.PswpIn),
                SizeText.Pages(machine.Swap.UsedSlots), SizeText.Pages(machine.Swap.TotalSlots))));
        }

        if (vm.PgPgOut > 0 || vm.PgPgIn > 0)
        {
            facts.Add(new("File I/O", Phrase.Of(PhraseKey.FileIo, SizeText.Bytes((ulong)vm.PgPgIn * 1024), SizeText.Bytes((ulong)vm.PgPgOut * 1024))));
        }

        foreach (var kill in machine.OomKills.Where(k => k.Victim is not null))
        {
            var victim = kill.Victim!.Value;
            facts.Add(new("OOM kill", Phrase.Of(PhraseKey.OomVictim, victim.Pid, victim.Name, kill.OomScoreOf(victim),
                SizeText.Bytes((ulong)victim.ResidentPages * MachineConfig.PageSize), victim.OomScoreAdj)));
        }

        if (several || vm.OomKill > 0)
        {
            var scores = machine.Processes.Select(p => p.IsAlive
                ? Phrase.Of(PhraseKey.OomScoreOf, p.Name, machine.OomKiller.OomScoreOf(p), p.OomScoreAdj)
                : Phrase.Of(PhraseKey.OomScoreDead, p.Name));
            facts.Add(new("oom_score now", Phrase.List(scores)));
        }

        return facts;
    }

    /// <summary>Pages on the anonymous LRU lists (AnonPages of /proc/meminfo).</summary>
    public static long AnonPages(Machine machine) => machine is null ? throw new ArgumentNullException(nameof(machine)) :
        machine.Lru.Count(LruList.ActiveAnon) + machine.Lru.Count(LruList.InactiveAnon);
}
