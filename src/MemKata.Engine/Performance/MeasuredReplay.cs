using MemKata.Contracts;
using MemKata.Engine.Traces;

namespace MemKata.Engine.Performance;

/// <summary>
/// A trace replayed one operation at a time while it is measured and checked as malloclab's driver does: the allocator
/// works over a counting view of the process's memory (<see cref="CountingProcessMemory"/>), every block it hands out
/// is checked against the heap rules (<see cref="LiveBlockCheck"/>) and stamped, and a block about to be freed or
/// resized must still hold its stamps and its size word. The first broken rule stops the replay and is named with its
/// operation and trace line (<see cref="Failure"/>); the death of the process stops it as a <see cref="Crash"/>.
/// <see cref="TraceMeasurement.Measure"/> runs one to its end; <c>memkata replay --exercise</c> shows each step.
/// </summary>
public sealed class MeasuredReplay
{
    private readonly Trace _trace;
    private readonly TraceReplayer _replayer;
    private readonly LiveBlockCheck _check;
    private readonly Dictionary<int, ulong> _live = [];
    private CountingProcessMemory? _counting;
    private ulong _payload;
    private ulong _peakPayload;
    private ulong _peakFootprint;

    /// <summary>Prepares to replay <paramref name="trace"/> with the allocator <paramref name="factory"/> builds over a
    /// counting view of a fresh process's memory (the factory runs now); with <paramref name="recordSyscalls"/>, each
    /// step lists its system calls.</summary>
    public MeasuredReplay(Trace trace, Func<IProcessMemory, IAllocator> factory, bool recordSyscalls = false)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(factory);
        _trace = trace;
        _replayer = new TraceReplayer(trace, memory => factory(_counting = new CountingProcessMemory(memory)), recordSyscalls: recordSyscalls);
        _check = new LiveBlockCheck(_replayer.Memory);
    }

    /// <summary>The replay underneath: its memory, its summary and its crash.</summary>
    public TraceReplayer Replayer => _replayer;

    /// <summary>The first heap rule broken, as <c>operation 'f 3' (line 9): the block at 0x... lost the program's bytes
    /// (block 3)</c>; null while every rule holds.</summary>
    public string? Failure { get; private set; }

    /// <summary>The 0-based index of the operation that broke <see cref="Failure"/>'s rule, or -1.</summary>
    public int FailedOperation { get; private set; } = -1;

    /// <summary>The process's death, if an operation killed it (then nothing more runs).</summary>
    public ReplayCrash? Crash => _replayer.Crash;

    /// <summary>True once every operation has run, a rule broke, or the process died.</summary>
    public bool IsFinished => Failure is not null || _replayer.IsFinished;

    /// <summary>Checks and runs the next operation into <paramref name="step"/>. False when the replay is finished, a
    /// rule broke (<see cref="Failure"/>; a rule broken by the operation itself still yields its step) or the process
    /// died. Exceptions other than the two deaths of a process pass through.</summary>
    public bool TryStep(out ReplayStep step)
    {
        step = default;
        if (IsFinished)
        {
            return false;
        }

        // Before a free or a realloc, the block must still hold the program's bytes and its size word.
        var index = _replayer.OperationsRun;
        var op = _trace.Operations[index];
        var problem = op.Kind == TraceOperationKind.Allocate ? null : _check.Verify(op.Id);
        if (problem is not null)
        {
            Fail(index, op, problem);
            return false;
        }

        if (!_replayer.TryStep(out step))
        {
            return false;
        }

        // The block of 'r -1 size' (realloc(NULL, size)) is held by no id: it gets a key of its own, below -1, and stays
        // live (counted and checked for overlaps) to the end, since no operation of the trace can free it.
        var key = op.IsOnNull && op.Kind == TraceOperationKind.Reallocate ? -2 - index : op.Id;
        var held = _live.GetValueOrDefault(key);
        if (op.Kind != TraceOperationKind.Free && step.Pointer == 0 && op.Size is > 0 and <= TraceMeasurement.ServedRequest)
        {
            problem = "got NULL";
        }
        else if (op.Kind == TraceOperationKind.Free || step.Pointer != 0 || op.Size == 0)
        {
            _payload -= held;
            _live[key] = step.Pointer == 0 ? 0 : op.Size;
            _payload += _live[key];
            problem = _check.Add(key, step.Pointer, _live[key]);
        }

        _peakPayload = Math.Max(_peakPayload, _payload);
        _peakFootprint = Math.Max(_peakFootprint, TraceMeasurement.Footprint(_replayer.Memory));
        if (problem is not null)
        {
            Fail(index, op, problem);
        }

        return true;
    }

    /// <summary>The measurement so far (of the whole trace once <see cref="IsFinished"/>), failed if a rule broke or the
    /// process died.</summary>
    public TraceMeasurement Measurement()
    {
        var failure = Crash is { } crash
            ? $"the process died at operation {crash.Index} ({crash.Operation}): {crash.SignalName}, {crash.Message}"
            : Failure;
        return new TraceMeasurement(_trace.Source, _peakPayload, _peakFootprint, _counting?.Work ?? default, failure);
    }

    private void Fail(int index, TraceOperation op, string problem)
    {
        FailedOperation = index;
        Failure = $"operation '{op}' (line {op.LineNumber}): {problem}";
    }
}
