using MemKata.Contracts;

// Segregated free lists (one per power of two), no top chunk: the heap is a row of chunks ending in a fence word, and
// growing it adds one free chunk at the end. Freed chunks merge with free neighbours through boundary tags.
public sealed class Allocator : IAllocator
{
    const int Classes = 48;
    const ulong InUseBefore = 0x1, OwnMapping = 0x2;
    const ulong Threshold = 0x20000;
    const ulong Slack = 0x10000;

    readonly IProcessMemory m;
    readonly ulong[] lists = new ulong[Classes];
    ulong first, fence;

    public Allocator(IProcessMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        m = memory;
    }

    static ulong Round(ulong n) => n < 24 ? 32 : (n + 23) / 16 * 16;
    static int ClassOf(ulong size) => Math.Min(Classes - 1, 63 - System.Numerics.BitOperations.LeadingZeroCount(size));

    ulong Head(ulong chunk) => m.ReadWord(chunk + 8);
    ulong Length(ulong chunk) => Head(chunk) & ~7UL;
    bool IsFree(ulong chunk) => chunk != fence && (Head(chunk + Length(chunk)) & InUseBefore) == 0;

    public ulong Malloc(ulong size)
    {
        if (size >= 1UL << 62)
            return 0;
        var want = Round(size);
        if (want >= Threshold)
        {
            var bytes = (want + 8 + 4095) / 4096 * 4096;
            var map = m.Mmap(bytes);
            if (map == Syscall.Failed)
                return 0;
            m.WriteWord(map + 8, bytes | OwnMapping);
            return map + 16;
        }

        var found = Search(want);
        if (found == 0)
        {
            if (!Extend(want))
                return 0;
            found = Search(want);
        }

        Take(found);
        Carve(found, want);
        return found + 16;
    }

    ulong Search(ulong want)
    {
        for (var k = ClassOf(want); k < Classes; k++)
        {
            for (var c = lists[k]; c != 0; c = m.ReadWord(c + 16))
            {
                if (Length(c) >= want)
                    return c;
            }
        }

        return 0;
    }

    bool Extend(ulong want)
    {
        if (first == 0)
        {
            var start = m.ProgramBreak;
            var aligned = (start + 15) & ~15UL;
            if (m.Sbrk((long)(aligned - start + 16)) == Syscall.Failed)
                return false;
            first = fence = aligned;
            m.WriteWord(fence + 8, InUseBefore);
        }

        var more = (want + Slack + 4095) & ~4095UL;
        if (m.Sbrk((long)more) == Syscall.Failed)
            return false;
        var chunk = fence;
        fence = chunk + more;
        m.WriteWord(fence + 8, 0);
        Release(chunk, more, Head(chunk) & InUseBefore);
        return true;
    }

    void Carve(ulong chunk, ulong want)
    {
        var have = Length(chunk);
        var flag = Head(chunk) & InUseBefore;
        if (have - want >= 32)
        {
            m.WriteWord(chunk + 8, want | flag);
            Release(chunk + want, have - want, InUseBefore);
        }
        else
        {
            m.WriteWord(chunk + 8, have | flag);
            var next = chunk + have;
            m.WriteWord(next + 8, Head(next) | InUseBefore);
        }
    }

    // Marks [chunk, chunk + size) free and files it; the caller has merged already.
    void Release(ulong chunk, ulong size, ulong flag)
    {
        m.WriteWord(chunk + 8, size | flag);
        m.WriteWord(chunk + size, size);
        m.WriteWord(chunk + size + 8, Head(chunk + size) & ~InUseBefore);
        var k = ClassOf(size);
        m.WriteWord(chunk + 16, lists[k]);
        m.WriteWord(chunk + 24, 0);
        if (lists[k] != 0)
            m.WriteWord(lists[k] + 24, chunk);
        lists[k] = chunk;
    }

    void Take(ulong chunk)
    {
        var fwd = m.ReadWord(chunk + 16);
        var back = m.ReadWord(chunk + 24);
        if (back != 0)
            m.WriteWord(back + 16, fwd);
        else
            lists[ClassOf(Length(chunk))] = fwd;
        if (fwd != 0)
            m.WriteWord(fwd + 24, back);
    }

    public void Free(ulong pointer)
    {
        if (pointer == 0)
            return;
        var chunk = pointer - 16;
        var head = Head(chunk);
        if ((head & OwnMapping) != 0)
        {
            m.Munmap(chunk, head & ~7UL);
            return;
        }

        if (IsFree(chunk))
            throw new HeapCorruptionException("free(): double free");
        var size = head & ~7UL;
        var flag = head & InUseBefore;
        var next = chunk + size;
        if (IsFree(next))
        {
            Take(next);
            size += Length(next);
        }

        if (flag == 0)
        {
            var before = chunk - m.ReadWord(chunk);
            Take(before);
            size += Length(before);
            chunk = before;
            flag = Head(chunk) & InUseBefore;
        }

        Release(chunk, size, flag);
        if (chunk + size == fence && size > Threshold)
            Shrink(chunk, size, flag);
    }

    void Shrink(ulong chunk, ulong size, ulong flag)
    {
        var give = (size - Slack) / 4096 * 4096;
        if (give == 0 || m.Sbrk(-(long)give) == Syscall.Failed)
            return;
        Take(chunk);
        fence -= give;
        m.WriteWord(fence + 8, 0);
        Release(chunk, size - give, flag);
    }

    public ulong Realloc(ulong pointer, ulong size)
    {
        if (pointer == 0)
            return Malloc(size);
        if (size == 0)
        {
            Free(pointer);
            return 0;
        }

        var head = Head(pointer - 16);
        var room = (head & OwnMapping) != 0 ? (head & ~7UL) - 16 : (head & ~7UL) - 8;
        if ((head & OwnMapping) == 0 && Round(size) <= (head & ~7UL))
            return pointer;
        var moved = Malloc(size);
        if (moved == 0)
            return 0;
        m.Copy(moved, pointer, size < room ? size : room);
        Free(pointer);
        return moved;
    }

    public ulong Calloc(ulong count, ulong size)
    {
        var total = (UInt128)count * size;
        if (total >= 1UL << 62)
            return 0;
        var p = Malloc((ulong)total);
        if (p != 0)
            m.Fill(p, 0, (ulong)total);
        return p;
    }
}
