namespace MemKata.Engine.Kernel;

/// <summary>What a <see cref="KernelEvent"/> records.</summary>
public enum KernelEventKind
{
    /// <summary>A process was created.</summary>
    ProcessStart,

    /// <summary>A process exited or was killed and its memory freed.</summary>
    ProcessExit,

    /// <summary>A memory system call (brk, mmap, munmap, mremap), as strace shows it.</summary>
    Syscall,

    /// <summary>The overcommit policy refused a request for virtual memory.</summary>
    OvercommitRefused,

    /// <summary>A page fault resolved without I/O.</summary>
    MinorFault,

    /// <summary>A page fault that read from swap or a file.</summary>
    MajorFault,

    /// <summary>An illegal access: SIGSEGV.</summary>
    SegmentationFault,

    /// <summary>kswapd woke up (free memory fell below the low watermark) or went back to sleep.</summary>
    Kswapd,

    /// <summary>One reclaim pass (kswapd's or a direct one): pages scanned, reclaimed, written back, swapped out.</summary>
    Reclaim,

    /// <summary>The OOM killer killed a process.</summary>
    OomKill,

    /// <summary>One line of the table of processes the OOM killer considered, logged before its verdict (Linux's
    /// <c>dump_tasks</c>; see <see cref="OomTaskDump"/>).</summary>
    OomTasks,

    /// <summary>An access to a file mapping past the end of its file: SIGBUS.</summary>
    BusError,
}
