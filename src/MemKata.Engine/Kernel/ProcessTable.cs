namespace MemKata.Engine.Kernel;

/// <summary>
/// The machine's processes by pid (Linux's task list), dead ones included so that their records stay readable. The
/// reverse map names processes by pid; this is where a pid becomes a process, and where a TLB shootdown reaches one.
/// </summary>
public sealed class ProcessTable
{
    private readonly List<SimProcess> _all = [];
    private readonly Dictionary<int, SimProcess> _byPid = [];

    /// <summary>Every process ever spawned, in pid order.</summary>
    public IReadOnlyList<SimProcess> All => _all;

    /// <summary>The pid the next process gets (1 for the first).</summary>
    public int NextPid => _all.Count + 1;

    /// <summary>The live processes, in pid order (the OOM killer's candidates).</summary>
    public IEnumerable<SimProcess> Live => _all.Where(p => p.IsAlive);

    /// <summary>Adds a new process; its pid must be <see cref="NextPid"/>.</summary>
    public void Add(SimProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.Pid != NextPid)
        {
            throw new InvalidOperationException($"ProcessTable.Add: pid {process.Pid} is not the next pid ({NextPid})");
        }

        _all.Add(process);
        _byPid.Add(process.Pid, process);
    }

    /// <summary>The process with id <paramref name="pid"/>; throws if there is none.</summary>
    public SimProcess Get(int pid) =>
        _byPid.TryGetValue(pid, out var p) ? p : throw new ArgumentException($"Machine.Process: no process with pid {pid}", nameof(pid));

    /// <summary>Flushes process <paramref name="pid"/>'s TLB entry for virtual page <paramref name="page"/>: its
    /// translation is about to change or its buffer to be reused.</summary>
    public void ShootDown(int pid, ulong page) => Get(pid).Memory.Mmu.FlushTlb(page, 1);

    /// <summary>Flushes every TLB entry that maps a frame, given the frame's mappers (<see cref="FrameTable.MappersOf"/>).</summary>
    public void ShootDown(IEnumerable<(int Pid, ulong Page)> mappers)
    {
        ArgumentNullException.ThrowIfNull(mappers);
        foreach (var (pid, page) in mappers)
        {
            ShootDown(pid, page);
        }
    }
}
