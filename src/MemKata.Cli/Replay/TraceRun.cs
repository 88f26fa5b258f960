using System.Diagnostics.CodeAnalysis;
using MemKata.Contracts.Kernel;
using MemKata.Contracts;
using MemKata.Engine;
using MemKata.Engine.Memory;
using MemKata.Engine.Traces;

namespace MemKata.Cli.Replay;

/// <summary>
/// One replay of a trace in a fresh simulated process, one operation at a time, with <c>strace</c> on: it records the
/// system calls each operation makes, keeps the peaks for the summary, and turns the death of the process (glibc's
/// abort on heap corruption, a segmentation fault) into a <see cref="ReplayCrash"/> instead of an exception.
/// </summary>
internal sealed class TraceRun
{
    private readonly Trace _trace;
    private readonly TraceReplayer _replayer;
    private readonly List<SyscallRecord> _syscalls = [];

    // What each block's chunk was when the allocator handed it out (read then, not later: the memory may be gone).
    private readonly Dictionary<int, (ulong Size, bool Mmapped)> _chunks = [];
    private int _mallocs;
    private int _reallocs;
    private int _frees;
    private ulong _peakHeap;
    private ulong _peakMmapped;

    /// <summary>Prepares to replay <paramref name="trace"/> with the allocator <paramref name="factory"/> builds.</summary>
    public TraceRun(Trace trace, AllocatorFactory factory)
    {
        _trace = trace;
        _replayer = new TraceReplayer(trace, factory);
        _replayer.Memory.SyscallCompleted += _syscalls.Add;
    }

    /// <summary>The trace being replayed.</summary>
    public Trace Trace => _trace;

    /// <summary>The program break before the first operation; chunk offsets are relative to it.</summary>
    public ulong InitialBreak => _replayer.InitialBreak;

    /// <summary>How many operations have completed.</summary>
    public int OperationsRun { get; private set; }

    /// <summary>Set when an operation killed the process; no operation runs after that.</summary>
    public ReplayCrash? Crash { get; private set; }

    /// <summary>Runs the next operation. False when the trace is finished or the process has died (then
    /// <see cref="Crash"/> says how). Exceptions other than the two deaths of a process pass through.</summary>
    public bool TryStep([NotNullWhen(true)] out ReplayedOperation? operation)
    {
        operation = null;
        if (Crash is not null || _replayer.IsFinished)
        {
            return false;
        }

        var index = OperationsRun;
        var op = _trace.Operations[index];
        var pointerBefore = _replayer.PointerOf(op.Id);
        var chunkBefore = pointerBefore == 0 ? default : _chunks.GetValueOrDefault(op.Id);
        var breakBefore = _replayer.Memory.ProgramBreak;
        var firstSyscall = _syscalls.Count;
        ReplayStep step;
        try
        {
            step = _replayer.Step();
        }
        catch (HeapCorruptionException e)
        {
            Crash = new ReplayCrash(CrashKind.Abort, e.Message, index, op, _trace.Source);
            return false;
        }
        catch (SegmentationFaultException e)
        {
            Crash = new ReplayCrash(CrashKind.SegmentationFault, e.Message, index, op, _trace.Source);
            return false;
        }

        OperationsRun++;
        Count(op.Kind);
        TrackPeaks();
        _chunks[op.Id] = (step.ChunkSize, step.IsMmapped);
        operation = new ReplayedOperation(
            step, pointerBefore, chunkBefore.Size, chunkBefore.Mmapped, breakBefore, _syscalls[firstSyscall..]);
        return true;
    }

    /// <summary>Runs every remaining operation, handing each to <paramref name="onOperation"/> as soon as it is done.
    /// Returns the crash, or null if the trace ran to the end.</summary>
    public ReplayCrash? RunToEnd(Action<ReplayedOperation> onOperation)
    {
        while (TryStep(out var operation))
        {
            onOperation(operation);
        }

        return Crash;
    }

    /// <summary>The summary of the operations run so far.</summary>
    public ReplaySummary Summarize()
    {
        var memory = _replayer.Memory;
        return new ReplaySummary(
            OperationsRun,
            _trace.Operations.Count,
            _mallocs,
            _reallocs,
            _frees,
            InitialBreak,
            memory.ProgramBreak,
            _peakHeap,
            _peakMmapped,
            SyscallTally.Count(_syscalls),
            memory.Mappings.ToList());
    }

    private void Count(TraceOperationKind kind)
    {
        switch (kind)
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
    }

    private void TrackPeaks()
    {
        var memory = _replayer.Memory;
        if (memory.ProgramBreak > InitialBreak)
        {
            _peakHeap = Math.Max(_peakHeap, memory.ProgramBreak - InitialBreak);
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
}
