namespace MemKata.Engine.Performance;

/// <summary>
/// The simulated cost of an allocator's work: what malloclab measures as throughput, counted instead of timed, so that
/// the same submission costs the same on every machine. Each kind of work is weighted by roughly what it costs on a
/// current x86-64 machine, in units of one word access that hits the L1 cache (about 1 ns):
/// <list type="bullet">
/// <item>a word or byte read or written through <c>IProcessMemory</c>: 1;</item>
/// <item><c>Fill</c> and <c>Copy</c> (memset, memmove): 1 per 8 bytes, as they move a word at a time;</item>
/// <item>a memory system call (<c>brk</c>, <c>mmap</c>, <c>munmap</c>, <c>mremap</c>): 500, the cost of entering the kernel,
/// walking the VMA tree and returning (about 0.5 µs);</item>
/// <item>a page fault (the first touch of a page since it was mapped): 1000, the trap plus zeroing a 4 KiB page (about
/// 1 µs).</item>
/// </list>
/// Reading <c>ProgramBreak</c> is free: it is <c>sbrk(0)</c>, which glibc answers from a variable without a system call.
/// </summary>
public static class CostModel
{
    /// <summary>Cost of one word or byte read or written.</summary>
    public const long Access = 1;

    /// <summary>Bytes of <c>Fill</c> or <c>Copy</c> that cost as much as one access.</summary>
    public const long BulkBytesPerAccess = 8;

    /// <summary>Cost of one memory system call.</summary>
    public const long Syscall = 500;

    /// <summary>Cost of one page fault.</summary>
    public const long PageFault = 1000;

    /// <summary>The weighted cost of <paramref name="work"/>.</summary>
    public static long Of(WorkCounts work) =>
        (work.Accesses * Access)
        + ((work.BulkBytes + BulkBytesPerAccess - 1) / BulkBytesPerAccess)
        + (work.Syscalls * Syscall)
        + (work.PageFaults * PageFault);
}
