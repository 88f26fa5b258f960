using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Engine.Libc;
using MemKata.Engine.Memory;

namespace MemKata.Reports.Html.Recording;

/// <summary>One process at one moment: its heap's chunks (when its allocator is glibc's, whose heap walk says), its
/// malloc'd blocks with mappings of their own, its mappings and its memory use.</summary>
/// <param name="Pid">The process id.</param>
/// <param name="Name">Its name.</param>
/// <param name="IsAlive">False once it exited or was killed.</param>
/// <param name="Layout">Where its program, heap and mmap area sit.</param>
/// <param name="Break">The program break.</param>
/// <param name="Heap">The chunks of the brk heap, lowest first, and the anonymous mappings (mmapped chunks) after them;
/// empty when the allocator cannot be walked.</param>
/// <param name="Mappings">Its mappings, lowest first.</param>
/// <param name="ResidentPages">Pages in RAM.</param>
/// <param name="SwapEntries">Pages in swap.</param>
public sealed record ProcessSnapshot(
    int Pid,
    string Name,
    bool IsAlive,
    AddressSpaceLayout Layout,
    ulong Break,
    IReadOnlyList<HeapBox> Heap,
    IReadOnlyList<Mapping> Mappings,
    long ResidentPages,
    long SwapEntries)
{
    /// <summary>Takes the snapshot of <paramref name="process"/> (read-only: the heap walk and the mapping list);
    /// without <paramref name="walkHeap"/>, <see cref="Heap"/> is empty.</summary>
    public static ProcessSnapshot Of(SimProcess process, bool walkHeap = true)
    {
        ArgumentNullException.ThrowIfNull(process);
        var memory = process.Memory;
        var mappings = memory.Mappings.ToList();
        return new ProcessSnapshot(process.Pid, process.Name, process.IsAlive, memory.Layout, memory.ProgramBreak,
            process.IsAlive && walkHeap ? HeapOf(process.Allocator, mappings) : [], mappings, process.ResidentPages, process.SwapEntries);
    }

    /// <summary>The boxes of a heap: glibc's walk of the brk heap, then one box per anonymous mapping (the chunks
    /// malloc mapped on their own). Empty for an allocator that is not glibc's.</summary>
    public static IReadOnlyList<HeapBox> HeapOf(object? allocator, IEnumerable<Mapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        if (allocator is not GlibcMalloc glibc)
        {
            return [];
        }

        var boxes = glibc.WalkHeap().Select(HeapBox.Of).ToList();
        boxes.AddRange(mappings.Where(m => m.Kind == VmaKind.Anonymous)
            .Select(m => new HeapBox(m.Start, m.Length, ChunkHeader.Mmapped, HeapBoxKind.Mmapped, "")));
        return boxes;
    }
}
