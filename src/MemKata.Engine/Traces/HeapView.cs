using MemKata.Engine.Memory;

namespace MemKata.Engine.Traces;

/// <summary>
/// A picture of a process's heap after one replayed operation, read from its memory as the allocator left it
/// (<see cref="HeapWalk"/>): what <c>memkata replay --show-heap N</c> shows, for glibc's malloc or a learner's. Plain
/// data, so that it can travel from the grading worker, where a learner's allocator runs, to memkata.
/// </summary>
/// <param name="AfterOperation">The 0-based index of the operation just run.</param>
/// <param name="HeapStart">The initial break: offsets are counted from it.</param>
/// <param name="Break">The program break.</param>
/// <param name="Chunks">The chunks in address order, then one per anonymous mapping.</param>
/// <param name="Broken">Why the walk stopped before the break (a size word no chunk can have), or null.</param>
public sealed record HeapView(int AfterOperation, ulong HeapStart, ulong Break, IReadOnlyList<HeapChunk> Chunks, string? Broken)
{
    /// <summary>The heap of <paramref name="memory"/> now, after operation <paramref name="afterOperation"/>.</summary>
    public static HeapView Of(SimulatedProcessMemory memory, int afterOperation)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var (chunks, broken) = HeapWalk.Walk(memory);
        return new HeapView(afterOperation, memory.HeapStart, memory.ProgramBreak, chunks, broken);
    }
}
