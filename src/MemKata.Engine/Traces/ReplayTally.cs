using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Traces;

/// <summary>Adds up a replay as it goes, for its <see cref="ReplaySummary"/>: operations by kind, system calls by kind,
/// and the peaks of the heap and of the mmapped memory, in constant memory whatever the trace's length.</summary>
internal sealed class ReplayTally(ulong initialBreak)
{
    private readonly int[] _calls = new int[Enum.GetValues<SyscallKind>().Length];
    private readonly int[] _failures = new int[Enum.GetValues<SyscallKind>().Length];
    private int _mallocs;
    private int _reallocs;
    private int _frees;
    private ulong _peakHeap;
    private ulong _peakMmapped;

    /// <summary>Counts a completed <paramref name="step"/> and the state of <paramref name="memory"/> after it.</summary>
    public void Add(in ReplayStep step, SimulatedProcessMemory memory)
    {
        switch (step.Operation.Kind)
        {
            case TraceOperationKind.Allocate:
                _mallocs++;
                break;
            case TraceOperationKind.Reallocate:
                _reallocs++;
                break;
            default:
                _frees++;
                break;
        }

        foreach (var call in step.Syscalls)
        {
            _calls[(int)call.Kind]++;
            if (call.Error != Errno.None)
            {
                _failures[(int)call.Kind]++;
            }
        }

        if (memory.ProgramBreak > initialBreak)
        {
            _peakHeap = Math.Max(_peakHeap, memory.ProgramBreak - initialBreak);
        }

        var mmapped = 0UL;
        foreach (var mapping in memory.Mappings)
        {
            if (mapping.Kind == VmaKind.Anonymous)
            {
                mmapped += mapping.Length;
            }
        }

        _peakMmapped = Math.Max(_peakMmapped, mmapped);
    }

    /// <summary>The summary after <paramref name="operationsRun"/> of <paramref name="totalOperations"/> operations.</summary>
    public ReplaySummary Summarize(int operationsRun, int totalOperations, SimulatedProcessMemory memory) => new(
        operationsRun,
        totalOperations,
        _mallocs,
        _reallocs,
        _frees,
        initialBreak,
        memory.ProgramBreak,
        _peakHeap,
        _peakMmapped,
        [.. Enum.GetValues<SyscallKind>().Select(kind => new SyscallTally(kind, _calls[(int)kind], _failures[(int)kind]))],
        [.. memory.Mappings]);
}
