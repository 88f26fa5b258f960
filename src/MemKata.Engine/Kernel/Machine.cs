using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;
using MemKata.Engine.Units;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The simulated machine: RAM, swap, the page cache and LRU lists, and the processes that use them. It owns the paths
/// every access and system call goes through: page faults (to the <see cref="IPageFaultHandler"/>), frame allocation
/// (watermarks, kswapd, direct reclaim, the OOM killer), overcommit accounting, and the event log and counters that the
/// /proc views print. Deterministic: no clock, no randomness; the same steps give the same log.
/// </summary>
public sealed partial class Machine
{
    private readonly List<SimProcess> _processes = [];
    private readonly Dictionary<int, SimProcess> _byPid = [];

    /// <summary>Builds a machine with nothing running. Null handler or policy means the reference implementations.</summary>
    public Machine(MachineConfig config, IPageFaultHandler? faultHandler = null, IReclaimPolicy? reclaimPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        Watermarks = Watermarks.For(config);
        FaultHandler = faultHandler ?? new ReferencePageFaultHandler();
        ReclaimPolicy = reclaimPolicy ?? new ReferenceReclaimPolicy();
        Physical = new PhysicalMemory((int)config.RamPages, (int)MachineConfig.PageSize);
        Swap = new SwapDevice(config.SwapPages, (int)MachineConfig.PageSize);
        PageCache = new PageCache();
        Lru = new LruLists(Physical.Capacity);
        Physical.Grown += Lru.Grow;
        Physical.Contents.Evicting = FlushMappingsOf;
        Overcommit = new OvercommitPolicy(config, this);
        Reclaimer = new Reclaimer(this);
        Kswapd = new Kswapd(this);
        Allocator = new PageAllocator(this);
        OomKiller = new OomKiller(this);
    }

    /// <summary>The hardware and sysctls.</summary>
    public MachineConfig Config { get; }

    /// <summary>The min/low/high watermarks derived from <see cref="Config"/>.</summary>
    public Watermarks Watermarks { get; }

    /// <summary>The page-fault handler every fault goes to.</summary>
    public IPageFaultHandler FaultHandler { get; }

    /// <summary>The reclaim policy kswapd, direct reclaim and the OOM killer ask.</summary>
    public IReclaimPolicy ReclaimPolicy { get; }

    /// <summary>RAM.</summary>
    public PhysicalMemory Physical { get; }

    /// <summary>The swap area.</summary>
    public SwapDevice Swap { get; }

    /// <summary>Files and the page cache.</summary>
    public PageCache PageCache { get; }

    /// <summary>The LRU lists.</summary>
    public LruLists Lru { get; }

    /// <summary>Committed_AS and CommitLimit.</summary>
    public OvercommitPolicy Overcommit { get; }

    /// <summary>The /proc/vmstat counters.</summary>
    public VmStat VmStat { get; } = new();

    /// <summary>The event log.</summary>
    public EventLog Events { get; } = new();

    /// <summary>The background reclaimer.</summary>
    public Kswapd Kswapd { get; }

    /// <summary>The OOM killer.</summary>
    public OomKiller OomKiller { get; }

    /// <summary>
    /// Every OOM killer invocation so far, in order (<see cref="OomKill.Number"/> 1, 2, ...): the requester, every
    /// candidate with its points and oom_score as the reclaim policy saw them, the victim that policy chose (null when
    /// nothing was killable) and what the kill freed. Read this rather than parsing the event log's text.
    /// </summary>
    public IReadOnlyList<OomKill> OomKills => OomKiller.Kills;

    /// <summary>Every process ever spawned, in pid order (dead ones too).</summary>
    public IReadOnlyList<SimProcess> Processes => _processes;

    internal PageAllocator Allocator { get; }

    internal Reclaimer Reclaimer { get; }

    /// <summary>RAM plus swap in pages: what oom_score_adj is scaled by.</summary>
    public long TotalPages => Config.RamPages + Config.SwapPages;

    /// <summary>
    /// Starts a process named <paramref name="name"/> with an empty address space laid out for the machine's
    /// architecture; <paramref name="allocator"/>, when given, builds its C allocator (e.g. <c>GlibcMalloc.Factory</c>).
    /// </summary>
    public SimProcess Spawn(string name, AllocatorFactory? allocator = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var arch = Config.Architecture;
        var process = new SimProcess(_processes.Count + 1, name, new PageTable(arch.PageTableLevels, arch.EntriesPerTableShift));
        var memory = new SimulatedProcessMemory(arch.Layout, new ProcessPageBacking(this, process), new ProcessCommitAccounting(this, process));
        memory.SyscallCompleted += record => Events.Add(process.Pid, KernelEventKind.Syscall, record.ToString());
        process.Memory = memory;
        _processes.Add(process);
        _byPid.Add(process.Pid, process);
        Events.Add(process.Pid, KernelEventKind.ProcessStart, $"started '{name}' ({arch.Name})");
        if (Config.LoaderTouchesLibraryData)
        {
            LoadLibraryData(memory);
        }

        process.Allocator = allocator?.Invoke(memory);
        return process;
    }

    // Before main runs, the dynamic loader has written the C library's .data and .bss (relocations, initialization), so
    // on a real box those pages are resident and their faults were taken before main. Do the same here, so that fault
    // counts measured from main match a real process's.
    private static void LoadLibraryData(SimulatedProcessMemory memory)
    {
        foreach (var mapping in memory.Mappings.Where(m => m.Kind == MappingKind.LibraryData).ToList())
        {
            for (var address = mapping.Start; address < mapping.End; address += MachineConfig.PageSize)
            {
                memory.WriteByte(address, 0);
            }
        }
    }

    /// <summary>The process with id <paramref name="pid"/>; throws if there is none.</summary>
    public SimProcess Process(int pid) =>
        _byPid.TryGetValue(pid, out var p) ? p : throw new ArgumentException($"Machine.Process: no process with pid {pid}", nameof(pid));

    /// <summary>Creates a file on the simulated disk whose pages read as zeros until written.</summary>
    public SimulatedFile CreateFile(string name, ulong sizeBytes) => PageCache.CreateFile(name, sizeBytes);

    /// <summary>Ends <paramref name="process"/> normally: all its memory, swap and commitments are given back.</summary>
    public void Exit(SimProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.IsAlive)
        {
            Terminate(process, null);
            Events.Add(process.Pid, KernelEventKind.ProcessExit, "exited; memory freed");
        }
    }

    /// <summary>Kills <paramref name="process"/> for <paramref name="reason"/> (a signal the simulation delivered, such as
    /// SIGSEGV) and frees its memory.</summary>
    public void Kill(SimProcess process, string reason)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.IsAlive)
        {
            Terminate(process, reason);
            Events.Add(process.Pid, KernelEventKind.ProcessExit, "killed: " + reason);
        }
    }

    /// <summary>
    /// Lets time pass with no process running: kswapd, if awake, reclaims until free memory is back above the high
    /// watermark (or it cannot make progress).
    /// </summary>
    public void Idle() => Kswapd.RunUntilBalanced();

    /// <summary>Kills <paramref name="process"/> (SIGKILL) and frees its memory; used by the OOM killer.</summary>
    internal void Terminate(SimProcess process, string? reason)
    {
        process.IsAlive = false;
        process.KillReason = reason;
        var pages = process.PageTable.Entries.Select(e => e.Key).ToList();
        foreach (var page in pages)
        {
            ClearEntry(process, page);
        }

        Overcommit.Uncommit(process.CommittedPages);
        process.CommittedPages = 0;
        process.Memory.Mmu.FlushTlb();
    }

    // ---- the fault path -------------------------------------------------------------------------------------------

    /// <summary>Runs the page-fault handler for a page the MMU could not use; throws SIGSEGV or SIGKILL as the outcome says.</summary>
    internal void Fault(SimProcess process, ulong page, AccessKind access)
    {
        var address = page * MachineConfig.PageSize;
        var context = process.FaultContext ??= new FaultContext(this, process);
        FaultResult result;
        context.Begin(page);
        try
        {
            result = FaultHandler.HandleFault(context, new PageFault(process.Pid, address, address, access));
        }
        finally
        {
            context.Finish();
        }

        switch (result.Outcome)
        {
            case FaultOutcome.Minor:
            case FaultOutcome.Major:
                CheckResolved(process, page, access, result.Outcome);
                var major = result.Outcome == FaultOutcome.Major;
                VmStat.PgFault++;
                if (major)
                {
                    VmStat.PgMajFault++;
                    process.MajorFaults++;
                }
                else
                {
                    process.MinorFaults++;
                }

                if (Events.LogFaults)
                {
                    LogFault(process, address, access, major);
                }

                return;
            case FaultOutcome.SegmentationFault:
                Events.Add(process.Pid, KernelEventKind.SegmentationFault, Hex(address) + ": " + result.Reason);
                throw new SegmentationFaultException(address, access == AccessKind.Write, result.Reason ?? "segmentation fault");
            default:
                if (process.IsAlive)
                {
                    Terminate(process, "out of memory: no frame for a page fault");
                    Events.Add(process.Pid, KernelEventKind.OomKill, "killed: no frame could be found for its page fault");
                }

                throw new ProcessKilledException(process.Pid, process.KillReason ?? "out of memory");
        }
    }

    private void LogFault(SimProcess process, ulong address, AccessKind access, bool major)
    {
        var kind = major ? KernelEventKind.MajorFault : KernelEventKind.MinorFault;
        var verb = access == AccessKind.Write ? "write" : "read";
        Events.AddFault(process.Pid, kind, verb, address, MachineConfig.PageSize);
    }

    private void CheckResolved(SimProcess process, ulong page, AccessKind access, FaultOutcome outcome)
    {
        var entry = process.PageTable.Get(page);
        var needed = access == AccessKind.Write ? PageTable.Present | PageTable.Writable : PageTable.Present;
        if ((entry & needed) != needed)
        {
            throw new InvalidOperationException(
                $"page fault handler {FaultHandler.GetType().Name}: answered {outcome} for a {access.ToString().ToLowerInvariant()} at " +
                $"{Hex(page * MachineConfig.PageSize)}, but the page is not mapped {(access == AccessKind.Write ? "writable" : "present")}");
        }
    }

    internal static string Hex(ulong value) => HexFormat.Address(value);
}
