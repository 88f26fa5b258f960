using System.Globalization;
using MemKata.Engine.Memory;

namespace MemKata.Graders.Allocator;

/// <summary>
/// Runs a program on a <see cref="GradedProcess"/> and writes down, per operation, only what the rules fix: heap or
/// mmap, the mmap and munmap calls with their lengths, and whether a big block left the break alone. Heap addresses,
/// brk moves of heap operations and the system calls of realloc are the learner's choice, so they are not recorded.
/// </summary>
internal static class SyscallEvents
{
    public static List<string> Record(IReadOnlyList<GraderOperation> program)
    {
        var process = new GradedProcess { CheckRules = false };
        var events = new List<string>(program.Count);
        var slots = new Dictionary<int, (ulong Pointer, Placement Rule)>();
        for (var i = 0; i < program.Count; i++)
        {
            var op = program[i];
            var (held, heldRule) = slots.GetValueOrDefault(op.Id);
            var calls = process.SyscallsSoFar;
            var breakBefore = process.Break;
            var result = op.Kind switch
            {
                GraderOperationKind.Malloc => process.Malloc(op.Size),
                GraderOperationKind.Calloc => process.Calloc(op.Count, op.Size),
                GraderOperationKind.Realloc => process.Realloc(held, op.Size),
                _ => Free(process, held),
            };

            // What the rules say about where the result lives (GradedProcess has checked that the allocator obeyed).
            var size = op.Kind == GraderOperationKind.Calloc ? op.Size * op.Count : op.Size;
            var resized = op.Kind == GraderOperationKind.Realloc && held != 0;
            var rule = result == 0 ? Placement.None
                : Rules.IsMappedRequest(size) ? (resized ? Placement.MappedByRealloc : Placement.Mapped)
                : resized && heldRule != Placement.Heap ? Placement.LearnersChoice
                : Placement.Heap;

            if (op.Kind != GraderOperationKind.Realloc || result != 0 || op.Size == 0)
            {
                slots[op.Id] = (result, rule);
            }

            var made = process.CallsSince(calls).Where(c => c.Kind != SyscallKind.Brk).ToList();
            var line = op.Kind switch
            {
                GraderOperationKind.Realloc => $"{op} -> {Describe(rule)}",
                GraderOperationKind.Free when held == 0 => $"{op} (NULL)",
                GraderOperationKind.Free when heldRule == Placement.Mapped => $"{op} (mmap) -> {Calls(made)}",
                GraderOperationKind.Free when heldRule == Placement.MappedByRealloc => $"{op} (mmap) -> munmap(its mapping)",
                GraderOperationKind.Free when heldRule == Placement.LearnersChoice => $"{op} (heap or mmap: your choice)",
                GraderOperationKind.Free => $"{op} (heap){(made.Count == 0 ? string.Empty : " -> " + Calls(made))}",
                _ when result == 0 => $"{op} -> NULL",
                _ when rule == Placement.Mapped => $"{op} -> mmap: {Calls(made)}, brk {(process.Break == breakBefore ? "unchanged" : "moved")}",
                _ => $"{op} -> heap{(made.Count == 0 ? string.Empty : ": " + Calls(made))}",
            };
            events.Add(string.Create(CultureInfo.InvariantCulture, $"{i}: {line}"));
        }

        return events;
    }

    private static string Describe(Placement rule) => rule switch
    {
        Placement.None => "NULL",
        Placement.Heap => "heap",
        Placement.LearnersChoice => "heap or mmap (your choice)",
        _ => "mmap",
    };

    private static ulong Free(GradedProcess process, ulong pointer)
    {
        process.Free(pointer);
        return 0;
    }

    private static string Calls(List<SyscallRecord> calls) => calls.Count == 0
        ? "no call"
        : string.Join(", ", calls.Select(c => c.Kind switch
        {
            SyscallKind.Mmap => string.Create(CultureInfo.InvariantCulture, $"mmap({c.Length})"),
            SyscallKind.Munmap => string.Create(CultureInfo.InvariantCulture, $"munmap({c.Length})"),
            _ => string.Create(CultureInfo.InvariantCulture, $"mremap({c.Length} -> {c.NewLength})"),
        }));

    // Where the rules put a block: the heap, a mapping made by malloc/calloc (its length is fixed), a mapping made by
    // realloc (its length is the learner's choice), or either (a mapped block that realloc shrank below the threshold).
    private enum Placement
    {
        None,
        Heap,
        Mapped,
        MappedByRealloc,
        LearnersChoice,
    }
}
