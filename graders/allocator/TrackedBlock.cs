namespace MemKata.Graders.Allocator;

/// <summary>One block the graded program holds: where it is, how many bytes it asked for, the byte every one of its
/// bytes was set to, the size word found at <c>p - 8</c> when it was handed out, and which operation made it.</summary>
internal sealed record TrackedBlock(ulong Pointer, ulong Size, byte Fill, ulong SizeWord, string MadeBy)
{
    public const ulong IsMmappedBit = 0x2;

    public bool IsMapped => (SizeWord & IsMmappedBit) != 0;

    public ulong ChunkSize => SizeWord & ~0x7UL;

    /// <summary>The chunk as its size word describes it: [p - 16, p - 16 + size).</summary>
    public ulong ChunkStart => Pointer - 16;

    public ulong ChunkEnd => Pointer - 16 + ChunkSize;

    /// <summary>What no other block may touch: its size word and its bytes, [p - 8, p + size).</summary>
    public ulong OwnedStart => Pointer - 8;

    public ulong OwnedEnd => Pointer + Size;
}
