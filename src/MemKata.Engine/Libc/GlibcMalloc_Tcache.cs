using static MemKata.Engine.Libc.ChunkLayout;

namespace MemKata.Engine.Libc;

/// <summary>
/// The tcache: per-thread stacks of recently freed small chunks (up to 7 of each size from 32 to 1040 bytes), checked
/// before anything else. Its struct (64 two-byte counts, then 64 list heads) is itself malloced from the heap on the
/// first call, which is why the first user chunk of a process starts 0x290 bytes into the heap.
/// </summary>
public sealed partial class GlibcMalloc
{
    // tcache_init: the struct is the first chunk ever carved from the heap.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void MaybeInitTcache()
    {
        if (_tcache != 0)
        {
            return;
        }

        var victim = IntMalloc(TcacheStructSize);
        if (victim != 0)
        {
            _tcache = victim;
            _mmu.Fill(victim, 0, TcacheStructSize);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ulong TcacheCount(ulong index) => ReadTcacheCount(index).Count;

    // A bin's count is a two-byte field; it is read and written through the aligned word that holds it, once each.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private TcacheCountWord ReadTcacheCount(ulong index)
    {
        var address = _tcache + (index * 2);
        return new TcacheCountWord(address & ~7UL, (int)((address & 7) * 8), _mmu.ReadWord(address & ~7UL));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void WriteTcacheCount(in TcacheCountWord word, ulong count) =>
        _mmu.WriteWord(word.Address, (word.Word & ~(0xffffUL << word.Shift)) | ((count & 0xffff) << word.Shift));

    private ulong TcacheEntryAddress(ulong index) => _tcache + TcacheEntriesOffset + (index * 8);

    // tcache_put: the entry overlays the user data: next (safe-linked), then the key that marks it as cached.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void TcachePut(ulong chunk, ulong index) => TcachePut(chunk, index, ReadTcacheCount(index));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void TcachePut(ulong chunk, ulong index, in TcacheCountWord count)
    {
        var entry = ChunkToMem(chunk);
        _mmu.WriteWord(entry + 8, _tcacheKey);
        var head = _mmu.ReadWord(TcacheEntryAddress(index));
        _mmu.WriteWord(entry, Protect(entry, head));
        _mmu.WriteWord(TcacheEntryAddress(index), entry);
        WriteTcacheCount(count, count.Count + 1);
    }

    // tcache_get: pops the head of a bin; returns the user pointer.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ulong TcacheGet(ulong index) => TcacheGet(index, ReadTcacheCount(index));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ulong TcacheGet(ulong index, in TcacheCountWord count)
    {
        var entry = _mmu.ReadWord(TcacheEntryAddress(index));
        if (IsMisaligned(entry))
        {
            throw Corruption("malloc(): unaligned tcache chunk detected");
        }

        _mmu.WriteWord(TcacheEntryAddress(index), Protect(entry, _mmu.ReadWord(entry)));
        WriteTcacheCount(count, count.Count - 1);
        _mmu.WriteWord(entry + 8, 0);
        return entry;
    }

    // The tcache half of _int_free: a chunk carrying the key may be a double free; look for it in its bin to be sure.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool TryTcacheFree(ulong chunk, ulong size)
    {
        var index = TcacheIndex(size);
        if (_tcache == 0 || index >= Tunables.TcacheBins)
        {
            return false;
        }

        var entry = ChunkToMem(chunk);
        if (_mmu.ReadWord(entry + 8) == _tcacheKey)
        {
            var seen = 0UL;
            for (var e = _mmu.ReadWord(TcacheEntryAddress(index)); e != 0; e = Protect(e, _mmu.ReadWord(e)), seen++)
            {
                if (seen >= Tunables.TcacheCount)
                {
                    throw Corruption("free(): too many chunks detected in tcache");
                }

                if (IsMisaligned(e))
                {
                    throw Corruption("free(): unaligned chunk detected in tcache 2");
                }

                if (e == entry)
                {
                    throw Corruption("free(): double free detected in tcache 2");
                }
            }
        }

        var count = ReadTcacheCount(index);
        if (count.Count < Tunables.TcacheCount)
        {
            TcachePut(chunk, index, count);
            return true;
        }

        return false;
    }

    // The word of the tcache struct that holds one bin's count, as read.
    private readonly record struct TcacheCountWord(ulong Address, int Shift, ulong Word)
    {
        public ulong Count => (Word >> Shift) & 0xffff;
    }
}
