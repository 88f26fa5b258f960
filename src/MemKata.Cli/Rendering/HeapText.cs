using System.Globalization;
using MemKata.Engine.Traces;

namespace MemKata.Cli.Rendering;

/// <summary>
/// <c>replay --show-heap N</c>: the heap after operation N as its chunks describe it (<see cref="HeapWalk"/>), one line
/// per chunk in address order: offset from the initial break, address, size, flags, in use or free; then the mapped
/// chunks, and the free chunks added up. The free lists themselves are the allocator's own business: they are not
/// walked, but every free chunk they can hold is listed.
/// </summary>
internal static class HeapText
{
    /// <summary>Writes <paramref name="heap"/>, the heap after one operation.</summary>
    public static void Write(TextWriter output, HeapView heap)
    {
        var c = CultureInfo.InvariantCulture;
        var (chunks, broken, start, programBreak) = (heap.Chunks, heap.Broken, heap.HeapStart, heap.Break);
        output.WriteLine(string.Create(c, $"-- heap after operation {heap.AfterOperation}: break at +0x{programBreak - start:x} --"));
        output.WriteLine(string.Create(c, $"{"offset",10}  {"chunk",-16} {"size",10}  flags  state"));
        foreach (var chunk in chunks)
        {
            var mapped = (chunk.Flags & 0x2) != 0 && chunk.Address >= programBreak;
            var where = mapped ? "    (mmap)" : $"+0x{chunk.Address - start:x}".PadLeft(10);
            var state = mapped ? "in use (own mapping)" : chunk.InUse ? "in use" : chunk.IsLast ? "free (top: reaches the break)" : "free";
            output.WriteLine(string.Create(c, $"{where}  0x{chunk.Address:x12} {chunk.Size,10}  {Flags(chunk.Flags),-5}  {state}"));
        }

        if (broken is not null)
        {
            output.WriteLine($"!! {broken}");
        }

        var free = chunks.Where(ch => !ch.InUse).ToList();
        output.WriteLine(string.Create(c, $"free: {free.Count} chunk{(free.Count == 1 ? "" : "s")}, {free.Sum(ch => (decimal)ch.Size)} bytes; largest {(free.Count == 0 ? 0 : free.Max(ch => ch.Size))}"));
        output.WriteLine();
    }

    private static string Flags(ulong flags) =>
        ((flags & 0x4) != 0 ? "A" : "") + ((flags & 0x2) != 0 ? "M" : "") + ((flags & 0x1) != 0 ? "P" : "") is { Length: > 0 } text ? text : "-";
}
