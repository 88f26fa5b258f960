using MemKata.Contracts;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Traces;

/// <summary>
/// Runs a trace against an allocator in a fresh simulated process, the way malloclab's driver does: one pointer slot per
/// block id, <c>a</c> mallocs into it, <c>r</c> reallocs it, <c>f</c> frees it and clears it.
/// </summary>
public sealed class TraceReplayer
{
    private readonly Trace _trace;
    private readonly ulong[] _pointers;
    private int _next;

    /// <summary>Prepares to replay <paramref name="trace"/> with the allocator <paramref name="factory"/> builds over a new
    /// process memory (x86-64 layout unless <paramref name="layout"/> says otherwise).</summary>
    public TraceReplayer(Trace trace, AllocatorFactory factory, AddressSpaceLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(factory);
        _trace = trace;
        _pointers = new ulong[Math.Max(trace.IdCount, MaxId(trace) + 1)];
        Memory = new SimulatedProcessMemory(layout);
        InitialBreak = Memory.ProgramBreak;
        Allocator = factory(Memory);
    }

    /// <summary>The process memory the trace runs in.</summary>
    public SimulatedProcessMemory Memory { get; }

    /// <summary>The allocator under replay.</summary>
    public IAllocator Allocator { get; }

    /// <summary>The program break before the first operation.</summary>
    public ulong InitialBreak { get; }

    /// <summary>True once every operation has run.</summary>
    public bool IsFinished => _next >= _trace.Operations.Count;

    /// <summary>The pointer currently held for block <paramref name="id"/> (0 if none).</summary>
    public ulong PointerOf(int id) => _pointers[id];

    /// <summary>Runs the next operation and says what it did. Exceptions from the allocator (a heap corruption it
    /// detected, a segmentation fault) pass through to the caller.</summary>
    public ReplayStep Step()
    {
        if (IsFinished)
        {
            throw new InvalidOperationException("TraceReplayer.Step: the trace has no more operations");
        }

        var index = _next++;
        var op = _trace.Operations[index];
        ulong pointer = 0;
        switch (op.Kind)
        {
            case TraceOperationKind.Allocate:
                pointer = Allocator.Malloc(op.Size);
                _pointers[op.Id] = pointer;
                break;
            case TraceOperationKind.Reallocate:
                pointer = Allocator.Realloc(_pointers[op.Id], op.Size);

                // A failed realloc leaves the old block in place; realloc(p, 0) frees it.
                if (pointer != 0 || op.Size == 0)
                {
                    _pointers[op.Id] = pointer;
                }

                break;
            default:
                Allocator.Free(_pointers[op.Id]);
                _pointers[op.Id] = 0;
                break;
        }

        ulong chunkSize = 0;
        var mmapped = false;
        if (pointer != 0)
        {
            var sizeField = Memory.ReadWord(pointer - 8);
            chunkSize = sizeField & ~ChunkHeader.FlagBits;
            mmapped = (sizeField & ChunkHeader.Mmapped) != 0;
        }

        return new ReplayStep(index, op, pointer, chunkSize, mmapped, Memory.ProgramBreak);
    }

    /// <summary>Runs every remaining operation, yielding each step.</summary>
    public IEnumerable<ReplayStep> Run()
    {
        while (!IsFinished)
        {
            yield return Step();
        }
    }

    private static int MaxId(Trace trace)
    {
        var max = -1;
        foreach (var op in trace.Operations)
        {
            max = Math.Max(max, op.Id);
        }

        return max;
    }
}
