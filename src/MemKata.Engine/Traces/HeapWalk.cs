using System.Globalization;
using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Memory;

namespace MemKata.Engine.Traces;

/// <summary>
/// The heap of any allocator that keeps glibc's chunk layout (the size word at <c>chunk + 8</c>, flags in its low three
/// bits, a chunk free exactly when the next chunk's PREV_INUSE bit is clear), read from the process's memory as the
/// allocator left it: the chunks from the heap's first 16-byte boundary to the break in address order, then one chunk
/// per anonymous mapping. A size word that cannot be a chunk's (zero, unaligned, past the break) ends the walk with the
/// reason, since nothing after it can be found by walking.
/// </summary>
public static class HeapWalk
{
    private const ulong Alignment = 16;

    /// <summary>The chunks of <paramref name="memory"/>'s heap and mappings, and why the walk stopped early (or null).</summary>
    public static (IReadOnlyList<HeapChunk> Chunks, string? Broken) Walk(SimulatedProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var chunks = new List<HeapChunk>();
        string? broken = null;
        var end = memory.ProgramBreak;
        var chunk = (memory.HeapStart + Alignment - 1) & ~(Alignment - 1);
        while (chunk + 16 <= end)
        {
            var word = memory.ReadWord(chunk + 8);
            var size = word & ~ChunkHeader.FlagBits;
            if (size < 32 || size % Alignment != 0 || chunk + size > end)
            {
                broken = string.Create(CultureInfo.InvariantCulture,
                    $"the chunk at 0x{chunk:x} has the size word 0x{word:x}, which no chunk of this heap can have: the walk stops there");
                break;
            }

            // The last chunk (glibc's top chunk) has no next chunk to say whether it is in use: call it free.
            var next = chunk + size;
            var inUse = next + 16 <= end && (memory.ReadWord(next + 8) & ChunkHeader.PrevInUse) != 0;
            chunks.Add(new HeapChunk(chunk, size, word & ChunkHeader.FlagBits, inUse, next + 16 > end));
            chunk = next;
        }

        foreach (var mapping in memory.Mappings.Where(m => m.Kind == VmaKind.Anonymous))
        {
            var word = memory.ReadWord(mapping.Start + 8);
            chunks.Add(new HeapChunk(mapping.Start, word & ~ChunkHeader.FlagBits, word & ChunkHeader.FlagBits, InUse: true, IsLast: false));
        }

        return (chunks, broken);
    }
}
