using System.Globalization;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The OOM killer (Linux 6.x mm/oom_kill.c): when reclaim cannot free memory it asks the reclaim policy for a victim,
/// kills it, frees its memory and logs the kill as the kernel does. Also home of the two formulas a learner sees:
/// <see cref="Badness"/> (<c>oom_badness</c>) and <see cref="OomScore"/> (what <c>/proc/PID/oom_score</c> prints,
/// fs/proc/base.c <c>proc_oom_score</c>).
/// </summary>
public sealed class OomKiller
{
    /// <summary>The oom_score_adj that exempts a process (OOM_SCORE_ADJ_MIN).</summary>
    public const int Exempt = -1000;

    private readonly Machine _machine;
    private readonly List<OomKill> _kills = [];

    internal OomKiller(Machine machine) => _machine = machine;

    /// <summary>
    /// <c>oom_badness</c>: resident pages + swap entries + page-table pages, plus oom_score_adj × (totalPages / 1000)
    /// (integer division first, as the kernel does). Null for an exempt process (adj -1000), which Linux marks LONG_MIN.
    /// </summary>
    public static long? Badness(OomCandidate candidate, long totalPages)
    {
        if (candidate.OomScoreAdj == Exempt)
        {
            return null;
        }

        var points = candidate.ResidentPages + candidate.SwapEntries + candidate.PageTablePages;
        return points + (candidate.OomScoreAdj * (totalPages / 1000));
    }

    /// <summary>
    /// <c>/proc/PID/oom_score</c>: 0 for an exempt process, else (1000 + badness × 1000 / totalPages) × 2 / 3 in C's
    /// signed integer arithmetic (truncating toward zero), which maps badness onto 0..2000 and then scales it by 2/3.
    /// </summary>
    public static long OomScore(OomCandidate candidate, long totalPages)
    {
        var badness = Badness(candidate, totalPages);
        return badness is null ? 0 : (1000 + (badness.Value * 1000 / totalPages)) * 2 / 3;
    }

    /// <summary>The candidate record of <paramref name="process"/>, with the numbers oom_badness reads.</summary>
    public static OomCandidate CandidateOf(SimProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return new OomCandidate(process.Pid, process.Name, process.ResidentPages, process.SwapEntries, process.PageTable.TablePages, process.OomScoreAdj);
    }

    /// <summary>The value <c>/proc/PID/oom_score</c> shows for <paramref name="process"/> on this machine.</summary>
    public long OomScoreOf(SimProcess process) => process.IsAlive ? OomScore(CandidateOf(process), _machine.TotalPages) : 0;

    /// <summary>Every process the OOM killer may consider: the live ones, in pid order.</summary>
    public IReadOnlyList<OomCandidate> Candidates() => [.. _machine.Processes.Where(p => p.IsAlive).Select(CandidateOf)];

    /// <summary>Every invocation so far, in order: what was considered, what was chosen, what the kill freed.</summary>
    public IReadOnlyList<OomKill> Kills => _kills.AsReadOnly();

    /// <summary>
    /// Asks the policy for a victim and kills it, after logging the table of tasks it considered (dump_tasks), and
    /// records the invocation in <see cref="Kills"/>. Returns false when the policy found none (nothing killable). A
    /// policy that names a process that is not a candidate, or an exempt one, is a bug and throws (nothing is recorded).
    /// </summary>
    internal bool KillVictim(SimProcess requester)
    {
        var totalPages = _machine.TotalPages;
        var tasks = Array.AsReadOnly([.. _machine.Processes.Where(p => p.IsAlive).Select(p => OomKillCandidate.Of(p, totalPages))]);
        var candidates = tasks.Select(t => t.Candidate).ToList();
        var policy = _machine.ReclaimPolicy;
        var pid = policy.ChooseOomVictim(candidates, totalPages);
        if (pid is not null)
        {
            var chosen = tasks.FirstOrDefault(t => t.Pid == pid.Value)
                ?? throw new InvalidOperationException($"reclaim policy {policy.GetType().Name}: chose pid {pid}, which is not a live process");
            if (chosen.OomScoreAdj == Exempt)
            {
                throw new InvalidOperationException($"reclaim policy {policy.GetType().Name}: chose pid {pid}, whose oom_score_adj is -1000 (never kill)");
            }
        }

        LogTaskDump(requester, tasks);
        if (pid is null)
        {
            _machine.Events.Add(requester.Pid, KernelEventKind.OomKill, "out of memory and no killable process");
            Record(requester, tasks, null, 0, 0);
            return false;
        }

        var victim = _machine.Process(pid.Value);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"Out of memory: Killed process {victim.Pid} ({victim.Name}) total-vm:{PageUnits.PagesToKilobytes((long)victim.Memory.TotalVmPages)}kB, anon-rss:{PageUnits.PagesToKilobytes(victim.AnonPages)}kB, file-rss:{PageUnits.PagesToKilobytes(victim.FilePages)}kB, shmem-rss:0kB, UID:0 pgtables:{PageUnits.PagesToKilobytes(victim.PageTable.TablePages)}kB oom_score_adj:{victim.OomScoreAdj}");
        var freeBefore = _machine.Physical.FreeFrames;
        var swapBefore = _machine.Swap.UsedSlots;
        _machine.Terminate(victim, "out of memory: chosen by the OOM killer");
        _machine.VmStat.OomKill++;
        _machine.Events.Add(requester.Pid, KernelEventKind.OomKill, line);
        Record(requester, tasks, victim.Pid, _machine.Physical.FreeFrames - freeBefore, swapBefore - _machine.Swap.UsedSlots);
        return true;
    }

    // Linux prints the task table in dump_header, before the kill line (and before its panic when nothing is killable).
    private void LogTaskDump(SimProcess requester, IReadOnlyList<OomKillCandidate> tasks)
    {
        var events = _machine.Events;
        foreach (var line in OomTaskDump.Lines(tasks))
        {
            events.Add(requester.Pid, KernelEventKind.OomTasks, line);
        }
    }

    private void Record(SimProcess requester, IReadOnlyList<OomKillCandidate> tasks, int? victimPid, long framesFreed, long swapSlotsFreed) =>
        _kills.Add(new OomKill(
            _kills.Count + 1,
            _machine.Events.LastSequence,
            requester.Pid,
            requester.Name,
            requester.FaultContext?.FaultingPage * MachineConfig.PageSize,
            OomKill.GlobalConstraint,
            _machine.TotalPages,
            tasks,
            _machine.ReclaimPolicy.GetType().Name,
            victimPid,
            framesFreed,
            swapSlotsFreed));
}
