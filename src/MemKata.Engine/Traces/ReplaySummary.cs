using MemKata.Engine.Memory;

namespace MemKata.Engine.Traces;

/// <summary>What a replay did overall: operations run (by kind), the largest the heap and the mmapped memory got, where
/// the break ended, the system calls made, and the process's mappings at the end.</summary>
/// <param name="OperationsRun">Operations that completed (the one that crashed the process not included).</param>
/// <param name="TotalOperations">Operations in the trace.</param>
/// <param name="Mallocs">Completed <c>a</c> operations.</param>
/// <param name="Reallocs">Completed <c>r</c> operations.</param>
/// <param name="Frees">Completed <c>f</c> operations.</param>
/// <param name="InitialBreak">The break before the first operation.</param>
/// <param name="FinalBreak">The break after the last operation run.</param>
/// <param name="PeakHeapBytes">The largest distance of the break above <paramref name="InitialBreak"/>.</param>
/// <param name="PeakMmappedBytes">The most bytes held in anonymous mappings at once.</param>
/// <param name="Syscalls">Calls per system call kind, in the order of <see cref="SyscallKind"/>, every kind listed.</param>
/// <param name="Mappings">The mappings at the end, lowest address first.</param>
public sealed record ReplaySummary(
    int OperationsRun,
    int TotalOperations,
    int Mallocs,
    int Reallocs,
    int Frees,
    ulong InitialBreak,
    ulong FinalBreak,
    ulong PeakHeapBytes,
    ulong PeakMmappedBytes,
    IReadOnlyList<SyscallTally> Syscalls,
    IReadOnlyList<Mapping> Mappings);
