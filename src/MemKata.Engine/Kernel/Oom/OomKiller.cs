using System.Globalization;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The OOM killer (Linux 6.x mm/oom_kill.c): when reclaim cannot free memory it asks the reclaim policy for a victim,
/// logs the table of tasks it considered, kills the victim, frees its memory, logs the kill as the kernel does and
/// keeps a record of the invocation (<see cref="Kills"/>). The points it ranks by are <see cref="OomBadness"/>'s.
/// </summary>
public sealed class OomKiller
{
    private readonly ProcessTable _processes;
    private readonly IReclaimPolicy _policy;
    private readonly FrameTable _frames;
    private readonly SwapDevice _swap;
    private readonly ProcessReaper _reaper;
    private readonly VmStat _vmStat;
    private readonly EventLog _events;
    private readonly long _totalPages;
    private readonly List<OomKill> _kills = [];

    internal OomKiller(long totalPages, IReclaimPolicy policy, ProcessTable processes, FrameTable frames, SwapDevice swap, ProcessReaper reaper,
        VmStat vmStat, EventLog events)
    {
        _totalPages = totalPages;
        _policy = policy;
        _processes = processes;
        _frames = frames;
        _swap = swap;
        _reaper = reaper;
        _vmStat = vmStat;
        _events = events;
    }

    /// <summary>The candidate record of <paramref name="process"/> now: the numbers oom_badness reads, and the other
    /// columns of the task table (total_vm, rss_anon, rss_file).</summary>
    public static OomCandidate CandidateOf(SimProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return new OomCandidate(process.Pid, process.Name, process.ResidentPages, process.SwapEntries, process.PageTable.TablePages, process.OomScoreAdj)
        {
            TotalVmPages = (long)process.Memory.TotalVmPages,
            AnonPages = process.AnonPages,
            FilePages = process.FilePages,
        };
    }

    /// <summary>The value <c>/proc/PID/oom_score</c> shows for <paramref name="process"/> on this machine.</summary>
    public long OomScoreOf(SimProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.IsAlive ? OomBadness.OomScore(CandidateOf(process), _totalPages) : 0;
    }

    /// <summary>Every process the OOM killer may consider: the live ones, in pid order.</summary>
    public IReadOnlyList<OomCandidate> Candidates() => [.. _processes.Live.Select(CandidateOf)];

    /// <summary>Raised when the victim is chosen, before it is killed: RAM and swap are as full as memory pressure made
    /// them (once the victim dies they are free again). Told the victim's pid; an observer must only read the machine
    /// (e.g. a report's picture of the moment memory ran out).</summary>
    public event Action<int>? Killing;

    /// <summary>Every invocation so far, in order: what was considered, what was chosen, what the kill freed.</summary>
    public IReadOnlyList<OomKill> Kills => _kills.AsReadOnly();

    /// <summary>
    /// Asks the policy for a victim and kills it, after logging the table of tasks it considered (dump_tasks), and
    /// records the invocation in <see cref="Kills"/>. Returns false when the policy found none (nothing killable). A
    /// policy that names a process that is not a candidate, or an exempt one, is a bug and throws (nothing is recorded).
    /// </summary>
    internal bool KillVictim(SimProcess requester)
    {
        var candidates = Array.AsReadOnly([.. _processes.Live.Select(CandidateOf)]);
        var pid = _policy.ChooseOomVictim(candidates, _totalPages);
        if (pid is not null)
        {
            var chosen = candidates.FirstOrDefault(t => t.Pid == pid.Value);
            if (chosen.Pid != pid.Value || chosen.Name is null)
            {
                throw new InvalidOperationException($"reclaim policy {_policy.GetType().Name}: chose pid {pid}, which is not a live process");
            }

            if (chosen.OomScoreAdj == OomBadness.Exempt)
            {
                throw new InvalidOperationException($"reclaim policy {_policy.GetType().Name}: chose pid {pid}, whose oom_score_adj is -1000 (never kill)");
            }
        }

        // Linux prints the task table in dump_header, before the kill line (and before its panic when nothing is killable).
        foreach (var row in OomTaskDump.Lines(candidates))
        {
            _events.Add(requester.Pid, KernelEventKind.OomTasks, row);
        }

        if (pid is null)
        {
            _events.Add(requester.Pid, KernelEventKind.OomKill, "out of memory and no killable process");
            Record(requester, candidates, null, 0, 0);
            return false;
        }

        var victim = _processes.Get(pid.Value);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"Out of memory: Killed process {victim.Pid} ({victim.Name}) total-vm:{PageUnits.PagesToKilobytes((long)victim.Memory.TotalVmPages)}kB, anon-rss:{PageUnits.PagesToKilobytes(victim.AnonPages)}kB, file-rss:{PageUnits.PagesToKilobytes(victim.FilePages)}kB, shmem-rss:0kB, UID:0 pgtables:{PageUnits.PagesToKilobytes(victim.PageTable.TablePages)}kB oom_score_adj:{victim.OomScoreAdj}");
        Killing?.Invoke(victim.Pid);
        var freeBefore = _frames.FreeFrames;
        var swapBefore = _swap.UsedSlots;
        _reaper.Terminate(victim, "out of memory: chosen by the OOM killer");
        _vmStat.OomKill++;
        _events.Add(requester.Pid, KernelEventKind.OomKill, line);
        Record(requester, candidates, victim.Pid, _frames.FreeFrames - freeBefore, swapBefore - _swap.UsedSlots);
        return true;
    }

    private void Record(SimProcess requester, IReadOnlyList<OomCandidate> candidates, int? victimPid, long framesFreed, long swapSlotsFreed) =>
        _kills.Add(new OomKill(
            _kills.Count + 1,
            _events.LastSequence,
            requester.Pid,
            requester.Name,
            requester.FaultContext?.FaultingPage * PageUnits.PageSize,
            OomKill.GlobalConstraint,
            _totalPages,
            candidates,
            _policy.GetType().Name,
            victimPid,
            framesFreed,
            swapSlotsFreed));
}
