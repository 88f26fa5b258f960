using System.Globalization;
using MemKata.Contracts;

namespace MemKata.Engine.Performance;

/// <summary>
/// The checks malloclab's driver makes while it measures, so that an allocator that breaks the heap's rules earns no
/// performance: every block handed out is 16-byte aligned, has a size word at <c>p - 8</c> that covers it, overlaps no
/// other live block, and keeps the program's bytes (its first and last byte are stamped when it is handed out, through
/// the process's memory directly, so the stamps cost the allocator nothing, and checked before it is freed or resized)
/// and its size word (the size and IS_MMAPPED stay as they were handed out while the block is in use; PREV_INUSE may
/// change: task 1's rule).
/// </summary>
internal sealed class LiveBlockCheck(IProcessMemory memory)
{
    private const ulong Alignment = 16;
    private readonly IProcessMemory _memory = memory;
    private const ulong StableBits = ~(ChunkHeader.PrevInUse | ChunkHeader.NonMainArena);
    private readonly Dictionary<int, (ulong Pointer, ulong Size, ulong SizeWord)> _byId = [];
    private readonly List<(ulong Start, ulong End)> _byAddress = [];

    /// <summary>Checks that block <paramref name="id"/> still holds its stamps and its size word; null when it does (or
    /// holds nothing).</summary>
    public string? Verify(int id)
    {
        if (!_byId.TryGetValue(id, out var block) || block.Size == 0)
        {
            return null;
        }

        ulong word;
        try
        {
            word = _memory.ReadWord(block.Pointer - ChunkHeader.SizeWordOffset) & StableBits;
        }
        catch (SegmentationFaultException)
        {
            return Describe(block.Pointer, $"(block {id}) is no longer mapped while in use: its memory was given back to the kernel");
        }

        if (word != block.SizeWord)
        {
            return Describe(block.Pointer, string.Create(CultureInfo.InvariantCulture,
                $"(block {id}) had its size word changed while in use: 0x{block.SizeWord:x} when handed out, 0x{word:x} now (only PREV_INUSE may change)"));
        }

        // A 1-byte block has one byte: its last stamp wrote over its first.
        return (block.Size > 1 && _memory.ReadByte(block.Pointer) != Stamp(id, 0)) || _memory.ReadByte(block.Pointer + block.Size - 1) != Stamp(id, 1)
            ? Describe(block.Pointer, $"lost the program's bytes (block {id})")
            : null;
    }

    /// <summary>Forgets block <paramref name="id"/> (freed, or about to be replaced).</summary>
    public void Remove(int id)
    {
        if (_byId.Remove(id, out var block) && block.Size > 0)
        {
            _byAddress.RemoveAt(Find(block.Pointer));
        }
    }

    /// <summary>Takes block <paramref name="id"/> of <paramref name="size"/> bytes at <paramref name="pointer"/> (0: none),
    /// checks it against the rules and stamps it; returns what is wrong, or null.</summary>
    public string? Add(int id, ulong pointer, ulong size)
    {
        Remove(id);
        if (pointer == 0 || size == 0)
        {
            return null;
        }

        if (pointer % Alignment != 0)
        {
            return Describe(pointer, "is not 16-byte aligned");
        }

        var sizeWord = _memory.ReadWord(pointer - ChunkHeader.SizeWordOffset);
        if ((sizeWord & ~ChunkHeader.FlagBits) < size + 8)
        {
            return Describe(pointer, $"has a size word (at p - 8) too small for {size} bytes");
        }

        var at = ~_byAddress.BinarySearch((pointer, ulong.MaxValue));
        if ((at > 0 && _byAddress[at - 1].End > pointer) || (at < _byAddress.Count && _byAddress[at].Start < pointer + size))
        {
            return Describe(pointer, "overlaps another live block");
        }

        _byAddress.Insert(at, (pointer, pointer + size));
        _byId[id] = (pointer, size, sizeWord & StableBits);
        _memory.WriteByte(pointer, Stamp(id, 0));
        _memory.WriteByte(pointer + size - 1, Stamp(id, 1));
        return null;
    }

    private static byte Stamp(int id, int end) => (byte)((id * 2654435761U >> 24) ^ (end == 0 ? 0x5a : 0xa5));

    private static string Describe(ulong pointer, string problem) =>
        string.Create(CultureInfo.InvariantCulture, $"the block at 0x{pointer:x} {problem}");

    private int Find(ulong pointer)
    {
        var at = _byAddress.BinarySearch((pointer, ulong.MaxValue));
        return at >= 0 ? at : ~at - 1;
    }
}
