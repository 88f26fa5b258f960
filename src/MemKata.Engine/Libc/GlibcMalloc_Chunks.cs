using System.Runtime.CompilerServices;
using MemKata.Contracts;
using static MemKata.Engine.Libc.ChunkLayout;

namespace MemKata.Engine.Libc;

/// <summary>Chunk field access: every header and link is read from and written to simulated memory.</summary>
public sealed partial class GlibcMalloc
{
    private const ulong PrevInUse = ChunkHeader.PrevInUse;
    private const ulong IsMmappedBit = ChunkHeader.Mmapped;
    private const ulong SizeBits = ChunkHeader.FlagBits;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong SizeField(ulong chunk) => _mmu.ReadWord(chunk + SizeOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ChunkSize(ulong chunk) => SizeField(chunk) & ~SizeBits;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong PrevSize(ulong chunk) => _mmu.ReadWord(chunk + PrevSizeOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetPrevSize(ulong chunk, ulong value) => _mmu.WriteWord(chunk + PrevSizeOffset, value);

    /// <summary>set_head: the whole size field, flags included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetHead(ulong chunk, ulong value) => _mmu.WriteWord(chunk + SizeOffset, value);

    /// <summary>set_head_size: a new size, keeping the flag bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetHeadSize(ulong chunk, ulong size) => SetHead(chunk, (SizeField(chunk) & SizeBits) | size);

    /// <summary>set_foot: the next chunk's prev_size records this chunk's size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetFoot(ulong chunk, ulong size) => _mmu.WriteWord(chunk + size + PrevSizeOffset, size);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool IsPrevInUse(ulong chunk) => (SizeField(chunk) & PrevInUse) != 0;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool IsMmapped(ulong chunk) => (SizeField(chunk) & IsMmappedBit) != 0;

    /// <summary>inuse_bit_at_offset: whether the chunk at <paramref name="chunk"/> + <paramref name="offset"/> says its
    /// predecessor is in use.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool InUseAt(ulong chunk, ulong offset) => (SizeField(chunk + offset) & PrevInUse) != 0;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void SetInUseAt(ulong chunk, ulong offset) => SetHead(chunk + offset, SizeField(chunk + offset) | PrevInUse);

    private void ClearInUseAt(ulong chunk, ulong offset) => SetHead(chunk + offset, SizeField(chunk + offset) & ~PrevInUse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Fd(ulong chunk) => _mmu.ReadWord(chunk + FdOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Bk(ulong chunk) => _mmu.ReadWord(chunk + BkOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetFd(ulong chunk, ulong value) => _mmu.WriteWord(chunk + FdOffset, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetBk(ulong chunk, ulong value) => _mmu.WriteWord(chunk + BkOffset, value);

    private ulong FdNextsize(ulong chunk) => _mmu.ReadWord(chunk + FdNextsizeOffset);

    private ulong BkNextsize(ulong chunk) => _mmu.ReadWord(chunk + BkNextsizeOffset);

    private void SetFdNextsize(ulong chunk, ulong value) => _mmu.WriteWord(chunk + FdNextsizeOffset, value);

    private void SetBkNextsize(ulong chunk, ulong value) => _mmu.WriteWord(chunk + BkNextsizeOffset, value);

    /// <summary>Safe-linking (PROTECT_PTR): a singly linked pointer stored at <paramref name="position"/> is mangled
    /// with the position's page number, so a stray overwrite rarely forms a valid pointer.</summary>
    private static ulong Protect(ulong position, ulong pointer) => (position >> 12) ^ pointer;

    private static ulong ChunkToMem(ulong chunk) => chunk + HeaderSize;

    private static ulong MemToChunk(ulong mem) => mem - HeaderSize;

    private static bool IsMisaligned(ulong address) => (address & AlignMask) != 0;

    /// <summary>The address of bin <paramref name="index"/>'s header, a pretend chunk whose fd and bk are the list ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong BinAt(int index) => _binsBase + ((ulong)(index - 1) * 16) - FdOffset;

    private ulong UnsortedBin => BinAt(1);

    private ulong First(ulong bin) => Fd(bin);

    private ulong Last(ulong bin) => Bk(bin);

    private void MarkBin(int index) => _binmap[index >> 5] |= 1u << (index & 31);

    /// <summary>malloc_printerr: glibc prints the message and aborts; the simulation throws.</summary>
    private static Exception Corruption(string message) => new MemKata.Contracts.HeapCorruptionException(message);
}
