using MemKata.Contracts;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Kernel;

/// <summary>
/// A process of the simulated machine: its address space (<see cref="SimulatedProcessMemory"/>), its page table, its
/// memory counters (what <c>/proc/PID/status</c> shows) and its <c>oom_score_adj</c>. Created by <see cref="Machine.Spawn"/>.
/// </summary>
public sealed class SimProcess
{
    private int _oomScoreAdj;

    internal SimProcess(int pid, string name, PageTable pageTable)
    {
        Pid = pid;
        Name = name;
        PageTable = pageTable;
    }

    /// <summary>The process id (1 for the first process spawned).</summary>
    public int Pid { get; }

    /// <summary>The command name (<c>comm</c>).</summary>
    public string Name { get; }

    /// <summary>The address space: system calls and memory access.</summary>
    public SimulatedProcessMemory Memory { get; internal set; } = null!;

    /// <summary>The process's allocator, when it was spawned with one.</summary>
    public IAllocator? Allocator { get; internal set; }

    /// <summary>The page table.</summary>
    public PageTable PageTable { get; }

    /// <summary>False once the process exited or was killed.</summary>
    public bool IsAlive { get; internal set; } = true;

    /// <summary>Why the process was killed; null while alive or after a normal exit.</summary>
    public string? KillReason { get; internal set; }

    /// <summary><c>/proc/PID/oom_score_adj</c>: -1000 (never OOM-kill) to 1000 (kill first).</summary>
    public int OomScoreAdj
    {
        get => _oomScoreAdj;
        set
        {
            if (value is < -1000 or > 1000)
            {
                throw new ArgumentOutOfRangeException(nameof(value), $"oom_score_adj must be between -1000 and 1000, not {value}");
            }

            _oomScoreAdj = value;
        }
    }

    /// <summary>Anonymous pages in RAM (RssAnon in pages).</summary>
    public long AnonPages { get; internal set; }

    /// <summary>Page-cache pages this process maps (RssFile in pages).</summary>
    public long FilePages { get; internal set; }

    /// <summary>Resident pages: anonymous plus file (VmRSS in pages).</summary>
    public long ResidentPages => AnonPages + FilePages;

    /// <summary>Pages of this process in swap (VmSwap in pages).</summary>
    public long SwapEntries { get; internal set; }

    /// <summary>Pages committed to this process by the overcommit accounting.</summary>
    public ulong CommittedPages { get; internal set; }

    /// <summary>Minor faults (<c>ru_minflt</c>).</summary>
    public long MinorFaults { get; internal set; }

    /// <summary>Major faults (<c>ru_majflt</c>).</summary>
    public long MajorFaults { get; internal set; }

    /// <summary>Times this process stalled in direct reclaim.</summary>
    public long ReclaimStalls { get; internal set; }

    internal FaultContext? FaultContext { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Pid} ({Name})";
}
