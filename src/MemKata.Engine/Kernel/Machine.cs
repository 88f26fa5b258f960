using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;
using MemKata.Engine.Reference;

namespace MemKata.Engine.Kernel;

/// <summary>
/// The simulated machine: it assembles the parts of the kernel (the frame table, the swap device, the page cache, the
/// LRU lists, reclaim, the OOM killer, overcommit accounting, the page-fault entry, the event log and counters) and
/// hands each only the parts it uses, then starts and ends processes. Deterministic: no clock, no randomness; the
/// same steps give the same log. Where each mechanism lives: docs/KERNEL.md.
/// </summary>
public sealed class Machine
{
    private readonly ProcessTable _processes = new();
    private readonly PageMapper _mapper;
    private readonly ProcessReaper _reaper;
    private readonly PageFaultEntry _faults;
    private readonly PageIn _pageIn;

    /// <summary>Builds a machine with nothing running. Null handler or policy means the reference implementations.</summary>
    public Machine(MachineConfig config, IPageFaultHandler? faultHandler = null, IReclaimPolicy? reclaimPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        Watermarks = Watermarks.For(config);
        FaultHandler = faultHandler ?? new ReferencePageFaultHandler();
        ReclaimPolicy = reclaimPolicy ?? new ReferenceReclaimPolicy();

        // Hardware, and the state every part shares.
        Frames = new FrameTable((int)config.RamPages, (int)MachineConfig.PageSize);
        Events = new EventLog(() => Frames.FreeFrames);
        Swap = new SwapDevice(config.SwapPages, (int)MachineConfig.PageSize);
        PageCache = new PageCache();
        Lru = new LruLists(Frames.Capacity);
        Frames.Grown += Lru.Grow;
        Frames.Contents.Evicting = ShootDownFrame;
        Overcommit = new CommitAccounting(config, Events);

        // Mechanisms, each given what it uses.
        _mapper = new PageMapper(Frames, Lru, Swap);
        _reaper = new ProcessReaper(_mapper, Overcommit);
        Reclaimer = new Reclaimer(config.Swappiness, ReclaimPolicy, Frames, Lru, Swap, PageCache, _processes,
            new Writeback(Frames, PageCache, _processes, VmStat), VmStat, Events);
        Kswapd = new Kswapd(Frames, Watermarks, config, Reclaimer, VmStat, Events);
        OomKiller = new OomKiller(TotalPages, ReclaimPolicy, _processes, Frames, Swap, _reaper, VmStat, Events);
        Allocator = new PageAllocator(Frames, Watermarks, Kswapd, new DirectReclaim(Reclaimer, VmStat), OomKiller);
        _pageIn = new PageIn(Frames, Lru, PageCache, Swap, Allocator, _mapper, VmStat);
        _faults = new PageFaultEntry(FaultHandler, NewFaultContext, _reaper, VmStat, Events);
    }

    /// <summary>Told of every page fault the handler answered, with the calls it made on its context, each with the
    /// handler method that made it (<see cref="HandledFault"/>). Listening costs a stack walk per call: only the views
    /// of <c>--show faults</c> listen.</summary>
    public event Action<HandledFault>? FaultHandled
    {
        add => _faults.Handled += value;
        remove => _faults.Handled -= value;
    }

    /// <summary>Told of every reclaim pass the policy finished, with the LRU lists' sizes before and after and what
    /// moved (<see cref="ReclaimPass"/>); only the views of <c>--show reclaim</c> listen.</summary>
    public event Action<ReclaimPass>? ReclaimRan
    {
        add => Reclaimer.Ran += value;
        remove => Reclaimer.Ran -= value;
    }

    /// <summary>The hardware and sysctls.</summary>
    public MachineConfig Config { get; }

    /// <summary>The min/low/high watermarks derived from <see cref="Config"/>.</summary>
    public Watermarks Watermarks { get; }

    /// <summary>The page-fault handler every fault goes to.</summary>
    public IPageFaultHandler FaultHandler { get; }

    /// <summary>The reclaim policy kswapd, direct reclaim and the OOM killer ask.</summary>
    public IReclaimPolicy ReclaimPolicy { get; }

    /// <summary>RAM: the frames, the free list and every frame's state (the reverse map).</summary>
    public FrameTable Frames { get; }

    /// <summary>The swap area.</summary>
    public SwapDevice Swap { get; }

    /// <summary>Files and the page cache.</summary>
    public PageCache PageCache { get; }

    /// <summary>The LRU lists.</summary>
    public LruLists Lru { get; }

    /// <summary>Committed_AS and CommitLimit.</summary>
    public CommitAccounting Overcommit { get; }

    /// <summary>The /proc/vmstat counters.</summary>
    public VmStat VmStat { get; } = new();

    /// <summary>The event log; each event carries the free frames of its moment.</summary>
    public EventLog Events { get; }

    /// <summary>The background reclaimer.</summary>
    public Kswapd Kswapd { get; }

    /// <summary>The OOM killer.</summary>
    public OomKiller OomKiller { get; }

    /// <summary>
    /// Every OOM killer invocation so far, in order (<see cref="OomKill.Number"/> 1, 2, ...): the requester, every
    /// candidate as the reclaim policy saw it, the victim that policy chose (null when nothing was killable) and what the
    /// kill freed. Read this rather than parsing the event log's text.
    /// </summary>
    public IReadOnlyList<OomKill> OomKills => OomKiller.Kills;

    /// <summary>Every process ever spawned, in pid order (dead ones too).</summary>
    public IReadOnlyList<SimProcess> Processes => _processes.All;

    /// <summary>RAM plus swap in pages: what oom_score_adj is scaled by.</summary>
    public long TotalPages => Config.RamPages + Config.SwapPages;

    internal PageAllocator Allocator { get; }

    internal Reclaimer Reclaimer { get; }

    /// <summary>A fault context for <paramref name="process"/>: what a page-fault handler is given.</summary>
    internal FaultContext NewFaultContext(SimProcess process) => new(process, Frames, Lru, Allocator, _pageIn, _mapper);

    /// <summary>
    /// Starts a process named <paramref name="name"/> with an empty address space laid out for the machine's
    /// architecture; <paramref name="allocator"/>, when given, builds its C allocator (e.g. <c>GlibcMalloc.Factory</c>).
    /// When the machine cannot give the loader a frame for the C library's data (RAM exhausted, or a min_free_kbytes
    /// above the RAM size), the process is killed while it starts, as exec would be: the returned process is dead, its
    /// <see cref="SimProcess.KillReason"/> says why, and the kill is in the event log; nothing is thrown.
    /// </summary>
    public SimProcess Spawn(string name, AllocatorFactory? allocator = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var arch = Config.Architecture;
        var process = new SimProcess(_processes.NextPid, name, new PageTable(arch.PageTableLevels, arch.EntriesPerTableShift));
        var memory = new SimulatedProcessMemory(arch.Layout, new ProcessPageBacking(process, Frames, _faults, _mapper),
            new ProcessCommitAccounting(Overcommit, process));
        memory.SyscallCompleted += record => Events.Add(process.Pid, KernelEventKind.Syscall, record.ToString());
        process.Memory = memory;
        _processes.Add(process);
        Events.Add(process.Pid, KernelEventKind.ProcessStart, $"started '{name}' ({arch.Name})");
        if (Config.LoaderTouchesLibraryData)
        {
            LoadLibraryData(process);
        }

        process.Allocator = allocator?.Invoke(memory);
        return process;
    }

    /// <summary>The process with id <paramref name="pid"/>; throws if there is none.</summary>
    public SimProcess Process(int pid) => _processes.Get(pid);

    /// <summary>Creates a file on the simulated disk whose pages read as zeros until written.</summary>
    public SimulatedFile CreateFile(string name, ulong sizeBytes) => PageCache.CreateFile(name, sizeBytes);

    /// <summary>Ends <paramref name="process"/> normally: all its memory, swap and commitments are given back.</summary>
    public void Exit(SimProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.IsAlive)
        {
            _reaper.Terminate(process, null);
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
            _reaper.Terminate(process, reason);
            Events.Add(process.Pid, KernelEventKind.ProcessExit, "killed: " + reason);
        }
    }

    /// <summary>
    /// Lets time pass with no process running: kswapd, if awake, reclaims until free memory is back above the high
    /// watermark (or it cannot make progress).
    /// </summary>
    public void Idle() => Kswapd.RunUntilBalanced();

    // A live frame's buffer is about to be reused: every TLB entry that maps it goes (the reverse map says which).
    private void ShootDownFrame(int f)
    {
        var frame = new FrameNumber(f);
        if (Frames.UseOf(frame) == FrameUse.Anonymous)
        {
            var (pid, page) = Frames.OwnerOf(frame);
            _processes.ShootDown(pid, page);
            return;
        }

        _processes.ShootDown(Frames.MappersOf(frame));
    }

    // Before main runs, the dynamic loader has written the C library's .data and .bss (relocations, initialization), so
    // on a real box those pages are resident and their faults were taken before main. Do the same here, so that fault
    // counts measured from main match a real process's. A kill on the way (no frame) ends the process, not the caller.
    private static void LoadLibraryData(SimProcess process)
    {
        var memory = process.Memory;
        try
        {
            foreach (var mapping in memory.Mappings.Where(m => m.Kind == VmaKind.LibraryData).ToList())
            {
                for (var address = mapping.Start; address < mapping.End; address += MachineConfig.PageSize)
                {
                    memory.WriteByte(address, 0);
                }
            }
        }
        catch (ProcessKilledException) when (!process.IsAlive)
        {
            // The OOM killer (or a fault with no frame) took the process while the loader ran; it is dead and logged.
        }
    }
}
