using Stopwatch = System.Diagnostics.Stopwatch;
using MemKata.Engine.Libc;
using MemKata.Engine.Memory;
using MemKata.Engine.Traces;

namespace MemKata.Oracle;

/// <summary>The engine's half of the side-by-side benchmark, the same protocol as <c>glibc-replay --bench</c>: one
/// <see cref="GlibcMalloc"/> in one <see cref="SimulatedProcessMemory"/> for the whole run, one untimed warm-up round,
/// then the timed rounds; a round replays the trace as the malloclab driver does and then frees every block still live,
/// in ascending id order, then the blocks no id holds (those of <c>r -1 size</c>, realloc(NULL, size)) in the order
/// they were made.</summary>
internal static class EngineBench
{
    /// <summary>Mean nanoseconds per trace operation over <paramref name="rounds"/> timed rounds of
    /// <paramref name="trace"/> (0 for an empty trace).</summary>
    public static double NanosecondsPerOperation(Trace trace, int rounds)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        // An array and the sealed allocator type, as the C side has an array and direct calls: the loop costs nothing
        // that the simulation itself does not.
        var operations = trace.Operations.ToArray();
        var idLimit = trace.IdCount;
        foreach (var op in operations)
        {
            idLimit = Math.Max(idLimit, op.Id + 1);
        }

        var allocator = new GlibcMalloc(new SimulatedProcessMemory());
        var pointers = new ulong[idLimit];
        var unheld = new List<ulong>();
        RunRound(allocator, operations, pointers, unheld);
        var start = Stopwatch.GetTimestamp();
        for (var round = 0; round < rounds; round++)
        {
            RunRound(allocator, operations, pointers, unheld);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var count = (long)rounds * operations.Length;
        return count == 0 ? 0 : elapsed.TotalNanoseconds / count;
    }

    private static void RunRound(GlibcMalloc allocator, TraceOperation[] operations, ulong[] pointers, List<ulong> unheld)
    {
        for (var i = 0; i < operations.Length; i++)
        {
            var op = operations[i];
            if (op.IsOnNull)
            {
                RunOnNull(allocator, op, unheld);
                continue;
            }

            switch (op.Kind)
            {
                case TraceOperationKind.Allocate:
                    pointers[op.Id] = allocator.Malloc(op.Size);
                    break;
                case TraceOperationKind.Reallocate:
                    var pointer = allocator.Realloc(pointers[op.Id], op.Size);

                    // A failed realloc leaves the old block in place; realloc(p, 0) frees it.
                    if (pointer != 0 || op.Size == 0)
                    {
                        pointers[op.Id] = pointer;
                    }

                    break;
                default:
                    allocator.Free(pointers[op.Id]);
                    pointers[op.Id] = 0;
                    break;
            }
        }

        for (var id = 0; id < pointers.Length; id++)
        {
            if (pointers[id] != 0)
            {
                allocator.Free(pointers[id]);
                pointers[id] = 0;
            }
        }

        foreach (var pointer in unheld)
        {
            allocator.Free(pointer);
        }

        unheld.Clear();
    }

    // 'f -1' is free(NULL); 'r -1 size' is realloc(NULL, size), a block no id holds.
    private static void RunOnNull(GlibcMalloc allocator, TraceOperation op, List<ulong> unheld)
    {
        if (op.Kind == TraceOperationKind.Free)
        {
            allocator.Free(0);
        }
        else if (allocator.Realloc(0, op.Size) is var pointer and not 0)
        {
            unheld.Add(pointer);
        }
    }
}
