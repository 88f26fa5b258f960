using MemKata.Contracts;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Traces;

/// <summary>
/// Runs a trace against an allocator in a fresh simulated process, the way malloclab's driver does: one pointer slot per
/// block id, <c>a</c> mallocs into it, <c>r</c> reallocs it, <c>f</c> frees it and clears it; the id -1 is the NULL
/// pointer (<c>f -1</c> is <c>free(NULL)</c>; <c>r -1 size</c> is <c>realloc(NULL, size)</c>, a block no id holds,
/// which stays allocated to the end). Each operation yields its
/// whole record (<see cref="ReplayStep"/>: before and after, and with <c>recordSyscalls</c> the system calls it made);
/// <see cref="TryStep"/> turns the death of the process (glibc's abort on heap corruption, a segmentation fault) into a
/// <see cref="ReplayCrash"/>, and <see cref="Summarize"/> adds the run up. A trace is replayed from memory
/// (<see cref="Trace"/>) or streamed from a <see cref="TraceReader"/>, in memory that grows with the ids used and the
/// pages touched, never with the trace's length or its header's numbers.
/// </summary>
public sealed class TraceReplayer
{
    private static readonly SyscallRecord[] NoSyscalls = [];

    private readonly IReadOnlyList<TraceOperation>? _operations;
    private readonly TraceReader? _reader;
    private readonly BlockSlots _slots = new();
    private readonly List<SyscallRecord>? _syscalls;
    private readonly ReplayTally _tally;
    private TraceOperation _pending;
    private bool _hasPending;
    private int _next;

    /// <summary>Prepares to replay <paramref name="trace"/> with the allocator <paramref name="factory"/> builds over a new
    /// process memory (x86-64 layout unless <paramref name="layout"/> says otherwise); with
    /// <paramref name="recordSyscalls"/>, each step lists the system calls it made.</summary>
    public TraceReplayer(Trace trace, AllocatorFactory factory, AddressSpaceLayout? layout = null, bool recordSyscalls = false)
        : this(trace?.Source!, trace?.Operations.Count ?? 0, factory, layout, recordSyscalls)
    {
        ArgumentNullException.ThrowIfNull(trace);
        _operations = trace.Operations;
        Advance();
    }

    /// <summary>Prepares to replay the operations <paramref name="reader"/> yields, one at a time, as they are read. A
    /// malformed line ends the replay with the reader's <see cref="TraceFormatException"/> (from <see cref="Step"/>):
    /// read the trace through once first to report problems before anything runs.</summary>
    public TraceReplayer(TraceReader reader, AllocatorFactory factory, AddressSpaceLayout? layout = null, bool recordSyscalls = false)
        : this(reader?.Source!, reader?.Header.OperationCount ?? 0, factory, layout, recordSyscalls)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        Advance();
    }

    private TraceReplayer(string source, int operationCount, AllocatorFactory factory, AddressSpaceLayout? layout, bool recordSyscalls)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Source = source;
        TotalOperations = operationCount;
        Memory = new SimulatedProcessMemory(layout);
        InitialBreak = Memory.ProgramBreak;
        _tally = new ReplayTally(InitialBreak);
        if (recordSyscalls)
        {
            _syscalls = [];
            Memory.SyscallCompleted += _syscalls.Add;
        }

        Allocator = factory(Memory);
    }

    /// <summary>The trace's name.</summary>
    public string Source { get; }

    /// <summary>The process memory the trace runs in.</summary>
    public SimulatedProcessMemory Memory { get; }

    /// <summary>The allocator under replay.</summary>
    public IAllocator Allocator { get; }

    /// <summary>The program break before the first operation.</summary>
    public ulong InitialBreak { get; }

    /// <summary>How many operations the trace has.</summary>
    public int TotalOperations { get; }

    /// <summary>How many operations have completed.</summary>
    public int OperationsRun { get; private set; }

    /// <summary>Set when an operation run by <see cref="TryStep"/> killed the process; nothing runs after that.</summary>
    public ReplayCrash? Crash { get; private set; }

    /// <summary>True once every operation has run, or the process has died.</summary>
    public bool IsFinished => !_hasPending || Crash is not null;

    /// <summary>The pointer currently held for block <paramref name="id"/> (0 if none, and always for the NULL id).</summary>
    public ulong PointerOf(int id) => id == TraceOperation.NullId ? 0 : _slots[id].Pointer;

    /// <summary>Runs the next operation and returns its record. Exceptions from the allocator (a heap corruption it
    /// detected, a segmentation fault) pass through to the caller.</summary>
    public ReplayStep Step()
    {
        if (IsFinished)
        {
            throw new InvalidOperationException("TraceReplayer.Step: the trace has no more operations");
        }

        var op = _pending;
        var index = _next;
        var before = op.IsOnNull ? default : _slots[op.Id];
        var breakBefore = Memory.ProgramBreak;
        ulong pointer = 0;
        switch (op.Kind)
        {
            case TraceOperationKind.Allocate:
                pointer = Allocator.Malloc(op.Size);
                break;
            case TraceOperationKind.Reallocate:
                pointer = Allocator.Realloc(before.Pointer, op.Size);
                break;
            default:
                Allocator.Free(before.Pointer);
                break;
        }

        // free clears the slot; a failed realloc leaves the old block in place, but realloc(p, 0) frees it. The NULL id
        // has no slot: the block of 'r -1 size' is held by no id (the CMU driver would store it at blocks[-1], outside
        // its array), so no later operation of the trace reaches it.
        var after = Chunk(pointer);
        if (!op.IsOnNull && (op.Kind != TraceOperationKind.Reallocate || pointer != 0 || op.Size == 0))
        {
            _slots[op.Id] = after;
        }

        var step = new ReplayStep(
            index, op, pointer, after.ChunkSize, after.Mmapped, Memory.ProgramBreak,
            before.Pointer, before.ChunkSize, before.Mmapped, breakBefore, TakeSyscalls());
        OperationsRun++;
        if (_syscalls is not null)
        {
            _tally.Add(step, Memory);
        }

        _next++;
        Advance();
        return step;
    }

    /// <summary>Runs the next operation into <paramref name="step"/>. False when the trace is finished or the process has
    /// died (then <see cref="Crash"/> says how). Exceptions other than the two deaths of a process pass through.</summary>
    public bool TryStep(out ReplayStep step)
    {
        step = default;
        if (IsFinished)
        {
            return false;
        }

        try
        {
            step = Step();
            return true;
        }
        catch (HeapCorruptionException e)
        {
            Crash = new ReplayCrash(ReplayCrashKind.Abort, e.Message, _next, _pending, Source);
        }
        catch (SegmentationFaultException e)
        {
            Crash = new ReplayCrash(ReplayCrashKind.SegmentationFault, e.Message, _next, _pending, Source);
        }

        _syscalls?.Clear();
        return false;
    }

    /// <summary>Runs every remaining operation, yielding each step.</summary>
    public IEnumerable<ReplayStep> Run()
    {
        while (!IsFinished)
        {
            yield return Step();
        }
    }

    /// <summary>What the replay has done so far. The system call counts and the peaks are kept only when the replayer
    /// records system calls; otherwise they are zero.</summary>
    public ReplaySummary Summarize() => _tally.Summarize(OperationsRun, TotalOperations, Memory);

    // The chunk behind a pointer glibc just handed out: its size word, read now.
    private BlockSlots.Slot Chunk(ulong pointer)
    {
        if (pointer == 0)
        {
            return default;
        }

        var sizeField = Memory.ReadWord(pointer - 8);
        return new BlockSlots.Slot(pointer, sizeField & ~ChunkHeader.FlagBits, (sizeField & ChunkHeader.Mmapped) != 0);
    }

    private IReadOnlyList<SyscallRecord> TakeSyscalls()
    {
        if (_syscalls is null || _syscalls.Count == 0)
        {
            return NoSyscalls;
        }

        var calls = _syscalls.ToArray();
        _syscalls.Clear();
        return calls;
    }

    private void Advance()
    {
        if (_operations is not null)
        {
            _hasPending = _next < _operations.Count;
            _pending = _hasPending ? _operations[_next] : default;
        }
        else
        {
            _hasPending = _reader!.TryRead(out _pending);
        }
    }
}
