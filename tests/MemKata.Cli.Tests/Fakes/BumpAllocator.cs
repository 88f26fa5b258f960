using MemKata.Contracts;
using MemKata.Engine.Memory;

namespace MemKata.Cli.Tests.Fakes;

/// <summary>
/// A stand-in allocator for testing the CLI's plumbing without glibc: it bumps a pointer through a brk heap (grown by
/// 132 KiB at a time), gives requests of 128 KiB or more a mapping of their own (freed with munmap), writes a glibc-style
/// size word at p - 8, detects double frees like glibc's tcache, and segfaults on purpose for a malloc of
/// <see cref="SegfaultSize"/> bytes.
/// </summary>
internal sealed class BumpAllocator(SimulatedProcessMemory memory) : IAllocator
{
    public const ulong SegfaultSize = 666;
    public const ulong HeapGrowth = 132 * 1024;
    public const ulong MmapThreshold = 128 * 1024;

    private readonly SimulatedProcessMemory _memory = memory;
    private readonly HashSet<ulong> _freed = [];
    private ulong _next;
    private ulong _end;

    public ulong Malloc(ulong size)
    {
        if (size == SegfaultSize)
        {
            _memory.WriteWord(0x10, 1);
        }

        var chunk = Math.Max(32, (size + 8 + 15) & ~15UL);
        if (size >= MmapThreshold)
        {
            var length = PageMath.RoundUp(size + 16, _memory.PageSize);
            var mapping = _memory.Mmap(length);
            _memory.WriteWord(mapping + 8, length | ChunkHeader.Mmapped);
            _freed.Remove(mapping + 16);
            return mapping + 16;
        }

        if (_next == 0)
        {
            _next = _memory.Sbrk(0) + 16;
            _end = _memory.Sbrk(0);
        }

        while (_next - 16 + chunk > _end)
        {
            _memory.Sbrk((long)HeapGrowth);
            _end += HeapGrowth;
        }

        var pointer = _next;
        _memory.WriteWord(pointer - 8, chunk | ChunkHeader.PrevInUse);
        _next += chunk;
        _freed.Remove(pointer);
        return pointer;
    }

    public void Free(ulong pointer)
    {
        if (pointer == 0)
        {
            return;
        }

        if (!_freed.Add(pointer))
        {
            throw new HeapCorruptionException("free(): double free detected in tcache 2");
        }

        var sizeField = _memory.ReadWord(pointer - 8);
        if ((sizeField & ChunkHeader.Mmapped) != 0)
        {
            _memory.Munmap(pointer - 16, sizeField & ~ChunkHeader.FlagBits);
        }
    }

    public ulong Realloc(ulong pointer, ulong size)
    {
        if (pointer == 0)
        {
            return Malloc(size);
        }

        if (size == 0)
        {
            Free(pointer);
            return 0;
        }

        var moved = Malloc(size);
        var oldUsable = (_memory.ReadWord(pointer - 8) & ~ChunkHeader.FlagBits) - 8;
        _memory.Copy(moved, pointer, Math.Min(oldUsable, size));
        Free(pointer);
        return moved;
    }

    public ulong Calloc(ulong count, ulong size) => Malloc(count * size);
}
