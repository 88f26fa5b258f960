// expected-ids:
// rejected: false
// unimplemented:
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MemKata.Contracts;

namespace Exercise;

/// A first-fit allocator with one free list kept in the heap itself, and big blocks from mmap.
public sealed class MyAllocator : IAllocator
{
    private const ulong MallocAlignment = 16;
    private const ulong AlignMask = MallocAlignment - 1;
    private const ulong HeaderSize = 16;
    private const ulong MinimumChunk = 32;
    private const ulong InUse = 1;
    private const ulong Mmapped = 2;
    private const ulong FlagBits = 7;
    private const ulong DefaultMmapThreshold = 128 * 1024;
    private static readonly ulong[] SizeClasses = [32, 64, 128, 256];

    private readonly IProcessMemory _memory;
    private readonly ulong[] _binHeads = new ulong[4];
    private ulong _freeList;
    private ulong _mmapThreshold = DefaultMmapThreshold;

    public MyAllocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = memory;
    }

    public ulong Malloc(ulong size)
    {
        var chunkSize = Math.Max(MinimumChunk, (size + HeaderSize + AlignMask) & ~AlignMask);
        if (chunkSize >= _mmapThreshold)
        {
            var pages = RoundUpToPages(chunkSize);
            var mapped = _memory.Mmap(pages);
            if (mapped == Syscall.Failed)
            {
                return Syscall.Null;
            }

            _memory.WriteWord(mapped + 8, pages | Mmapped);
            return mapped + HeaderSize;
        }

        for (ulong previous = 0, chunk = _freeList; chunk != 0; previous = chunk, chunk = _memory.ReadWord(chunk + HeaderSize))
        {
            if ((_memory.ReadWord(chunk + 8) & ~FlagBits) >= chunkSize)
            {
                Unlink(previous, chunk);
                _memory.WriteWord(chunk + 8, _memory.ReadWord(chunk + 8) | InUse);
                return chunk + HeaderSize;
            }
        }

        var old = _memory.Sbrk((long)chunkSize);
        if (old == Syscall.Failed)
        {
            return Syscall.Null;
        }

        _memory.WriteWord(old + 8, chunkSize | InUse);
        return old + HeaderSize;
    }

    public void Free(ulong pointer)
    {
        if (pointer == Syscall.Null)
        {
            return;
        }

        if ((pointer & AlignMask) != 0)
        {
            throw new HeapCorruptionException("free(): invalid pointer");
        }

        var chunk = pointer - HeaderSize;
        var header = _memory.ReadWord(chunk + 8);
        if ((header & InUse) == 0 && (header & Mmapped) == 0)
        {
            throw new HeapCorruptionException("free(): double free detected");
        }

        if ((header & Mmapped) != 0)
        {
            _memory.Munmap(chunk, header & ~FlagBits);
            if ((header & ~FlagBits) > _mmapThreshold)
            {
                _mmapThreshold = header & ~FlagBits;
            }

            return;
        }

        _memory.WriteWord(chunk + 8, header & ~InUse);
        _memory.WriteWord(pointer, _freeList);
        _freeList = chunk;
    }

    public ulong Realloc(ulong pointer, ulong size)
    {
        if (pointer == Syscall.Null)
        {
            return Malloc(size);
        }

        if (size == 0)
        {
            Free(pointer);
            return Syscall.Null;
        }

        var old = (_memory.ReadWord(pointer - 8) & ~FlagBits) - HeaderSize;
        var moved = Malloc(size);
        if (moved != Syscall.Null)
        {
            _memory.Copy(moved, pointer, Math.Min(old, size));
            Free(pointer);
        }

        return moved;
    }

    public ulong Calloc(ulong count, ulong size)
    {
        if (count != 0 && size > ulong.MaxValue / count)
        {
            return Syscall.Null;
        }

        var pointer = Malloc(count * size);
        if (pointer != Syscall.Null)
        {
            _memory.Fill(pointer, 0, count * size);
        }

        return pointer;
    }

    /// A picture of the free list, for debugging.
    public override string ToString()
    {
        var chunks = new List<ulong>();
        for (var chunk = _freeList; chunk != 0; chunk = _memory.ReadWord(chunk + HeaderSize))
        {
            chunks.Add(chunk);
        }

        var text = new StringBuilder();
        text.AppendJoin(" -> ", chunks.Select(c => $"0x{c:x}"));
        Console.WriteLine(text.ToString() + SizeClasses.Sum(x => (long)x) + _binHeads.Length);
        return text.ToString();
    }

    private ulong RoundUpToPages(ulong bytes) => (bytes + _memory.PageSize - 1) & ~(_memory.PageSize - 1);

    private void Unlink(ulong previous, ulong chunk)
    {
        var next = _memory.ReadWord(chunk + HeaderSize);
        if (previous == 0)
        {
            _freeList = next;
        }
        else
        {
            _memory.WriteWord(previous + HeaderSize, next);
        }
    }
}

public sealed record ChunkView(ulong Address, ulong Size);
