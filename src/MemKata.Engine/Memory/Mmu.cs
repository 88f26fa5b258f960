using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using MemKata.Contracts;

namespace MemKata.Engine.Memory;

/// <summary>
/// The MMU of one process: every simulated load and store goes through here, as a CPU's go through its MMU. A
/// direct-mapped TLB of <see cref="TlbEntries"/> entries (one for loads, one for stores) answers most accesses with a
/// tag compare and a load; a miss looks the address up in the <see cref="AddressSpace"/> (no area, or the wrong
/// protection: SIGSEGV) and asks the <see cref="IPageBacking"/> for the page, which is where a page fault happens.
/// </summary>
/// <remarks>
/// <para>The fast path: a TLB tag is the page's address. A word access compares the address with its offset bits 3..11
/// cleared (<see cref="WordTagMask"/>) against the tag, so one compare proves both "this page is cached" and "the word is
/// 8-aligned and cannot cross into the next page"; anything else (a miss, an unaligned or page-crossing word) takes the
/// slow path, which is exact. Tags and addends are kept in separate arrays of 8-byte slots, so that the slot number
/// (page number bits 0..11, one <c>bextr</c> where the CPU has BMI1) indexes both with a scaled address and no other
/// arithmetic: an allocator's pointer chase (read a word, use it as the next address) waits on one instruction fewer
/// per access. Multi-byte operations (<see cref="Fill"/>, <see cref="Copy"/>, <see cref="ReadBytes"/>,
/// <see cref="WriteBytes"/>) work one page span at a time: one lookup per page, then a span copy or fill.</para>
/// <para>The backing's contract (<see cref="IPageBacking"/>): a page's bytes stay valid until the backing flushes the
/// TLB; a caller never keeps one page's bytes while fetching another.</para>
/// </remarks>
public sealed class Mmu
{
    /// <summary>Entries in each TLB.</summary>
    public const int TlbEntries = 4096;

    // Pages are 4 KiB on every architecture simulated here (x86-64 and i386); constants keep the access path short.
    private const int PageShift = 12;
    private const int PageBytes = 1 << PageShift;
    private const ulong OffsetMask = PageBytes - 1;
    private const ulong PageTagMask = ~OffsetMask;
    private const ulong WordTagMask = ~(OffsetMask & ~(ulong)(sizeof(ulong) - 1));

    // A tag no access can match: bit 3 is cleared by both masks.
    private const ulong EmptyTag = sizeof(ulong);

    // log2 of TlbEntries: the slot is the page number's low TlbBits bits.
    private const byte TlbBits = 12;

    private readonly AddressSpace _space;
    private readonly IPageBacking _backing;

    // Direct-mapped TLBs, inline buffers rather than arrays: one dependent load less on every access.
    private Tlb _readTlb;
    private Tlb _writeTlb;

    // The page buffers the TLB entries point into, slot for slot: they keep the buffers alive and serve span copies.
    private readonly byte[]?[] _readPages = new byte[]?[TlbEntries];
    private readonly byte[]?[] _writePages = new byte[]?[TlbEntries];
    private byte[]? _copyScratch;

    /// <summary>Creates the MMU of an address space whose pages <paramref name="backing"/> provides; the TLBs start empty.</summary>
    public Mmu(AddressSpace space, IPageBacking backing)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(backing);
        _space = space;
        _backing = backing;
        FlushTlb();
    }

    /// <summary>Reads one byte; SIGSEGV if the address is not readable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte(ulong address)
    {
        var slot = Slot(address);
        var host = Tag(ref _readTlb, slot) == (address & PageTagMask) ? Addend(ref _readTlb, slot) + (nint)address : MissRead(address) + (nint)address;
        return At(host);
    }

    /// <summary>Writes one byte; SIGSEGV if the address is not writable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteByte(ulong address, byte value)
    {
        var slot = Slot(address);
        var host = Tag(ref _writeTlb, slot) == (address & PageTagMask) ? Addend(ref _writeTlb, slot) + (nint)address : MissWrite(address) + (nint)address;
        At(host) = value;
    }

    /// <summary>Reads the 8-byte little-endian word at <paramref name="address"/> (any alignment).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadWord(ulong address)
    {
        var slot = Slot(address);
        if (Tag(ref _readTlb, slot) == (address & WordTagMask))
        {
            // The tag matched with bits 0..2 clear: the word is aligned and inside the page.
            return Unsafe.ReadUnaligned<ulong>(ref At(Addend(ref _readTlb, slot) + (nint)address));
        }

        return ReadWordSlow(address);
    }

    /// <summary>Writes the 8-byte little-endian word at <paramref name="address"/> (any alignment).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteWord(ulong address, ulong value)
    {
        var slot = Slot(address);
        if (Tag(ref _writeTlb, slot) == (address & WordTagMask))
        {
            Unsafe.WriteUnaligned(ref At(Addend(ref _writeTlb, slot) + (nint)address), value);
            return;
        }

        WriteWordSlow(address, value);
    }

    /// <summary><c>memset</c>: writes <paramref name="value"/> to <paramref name="length"/> bytes, one page span at a time.</summary>
    public void Fill(ulong address, byte value, ulong length)
    {
        CheckRange(address, length, isWrite: true);
        while (length > 0)
        {
            var offset = (int)(address & OffsetMask);
            var run = (int)Math.Min(length, (ulong)(PageBytes - offset));
            WritablePage(address).AsSpan(offset, run).Fill(value);
            address += (ulong)run;
            length -= (ulong)run;
        }
    }

    /// <summary><c>memmove</c>: copies <paramref name="length"/> bytes; overlapping ranges are handled.</summary>
    public void Copy(ulong destination, ulong source, ulong length)
    {
        if (length == 0 || destination == source)
        {
            return;
        }

        CheckRange(source, length, isWrite: false);
        CheckRange(destination, length, isWrite: true);
        var overlaps = destination < source + length && source < destination + length;
        if (overlaps)
        {
            CopyOverlapping(destination, source, length);
            return;
        }

        // Page span by page span, straight from the source page to the destination page. Fetching the destination may
        // fault, reclaim and flush the source page's bytes (IPageBacking); the source's TLB entry says whether they are
        // still its bytes, and if not the span goes through a scratch buffer instead.
        while (length > 0)
        {
            var sourceOffset = (int)(source & OffsetMask);
            var destinationOffset = (int)(destination & OffsetMask);
            var run = (int)Math.Min(length, (ulong)(PageBytes - Math.Max(sourceOffset, destinationOffset)));
            var from = ReadablePage(source);
            var to = WritablePage(destination);
            var sourceSlot = SlotIndex(source);
            if (_readTlb.Tags[sourceSlot] == (source & PageTagMask) && ReferenceEquals(_readPages[sourceSlot], from))
            {
                from.AsSpan(sourceOffset, run).CopyTo(to.AsSpan(destinationOffset, run));
            }
            else
            {
                var scratch = _copyScratch ??= new byte[PageBytes];
                ReadablePage(source).AsSpan(sourceOffset, run).CopyTo(scratch);
                scratch.AsSpan(0, run).CopyTo(WritablePage(destination).AsSpan(destinationOffset, run));
            }

            source += (ulong)run;
            destination += (ulong)run;
            length -= (ulong)run;
        }
    }

    /// <summary>Reads <paramref name="target"/>.Length bytes starting at <paramref name="address"/>.</summary>
    public void ReadBytes(ulong address, Span<byte> target)
    {
        CheckRange(address, (ulong)target.Length, isWrite: false);
        while (!target.IsEmpty)
        {
            var offset = (int)(address & OffsetMask);
            var run = Math.Min(target.Length, PageBytes - offset);
            ReadablePage(address).AsSpan(offset, run).CopyTo(target);
            target = target[run..];
            address += (ulong)run;
        }
    }

    /// <summary>Writes <paramref name="source"/> starting at <paramref name="address"/>.</summary>
    public void WriteBytes(ulong address, ReadOnlySpan<byte> source)
    {
        CheckRange(address, (ulong)source.Length, isWrite: true);
        while (!source.IsEmpty)
        {
            var offset = (int)(address & OffsetMask);
            var run = Math.Min(source.Length, PageBytes - offset);
            source[..run].CopyTo(WritablePage(address).AsSpan(offset, run));
            source = source[run..];
            address += (ulong)run;
        }
    }

    /// <summary>Forgets every cached translation. The page backing calls this after it takes a page away (eviction,
    /// swap-out) or changes what an access must notice, as the kernel flushes a real TLB.</summary>
    public void FlushTlb()
    {
        ((Span<ulong>)_readTlb.Tags).Fill(EmptyTag);
        ((Span<ulong>)_writeTlb.Tags).Fill(EmptyTag);
        Array.Clear(_readPages);
        Array.Clear(_writePages);
    }

    /// <summary>Forgets cached translations of the pages [<paramref name="firstPage"/>, + <paramref name="count"/>)
    /// only, as a kernel's ranged TLB shootdown does.</summary>
    public void FlushTlb(ulong firstPage, ulong count)
    {
        if (count >= TlbEntries)
        {
            FlushTlb();
            return;
        }

        for (var page = firstPage; page < firstPage + count; page++)
        {
            var address = page << PageShift;
            var slot = SlotIndex(address);
            if (_readTlb.Tags[slot] == address)
            {
                _readTlb.Tags[slot] = EmptyTag;
                _readPages[slot] = null;
            }

            if (_writeTlb.Tags[slot] == address)
            {
                _writeTlb.Tags[slot] = EmptyTag;
                _writePages[slot] = null;
            }
        }
    }

    // The slot of address's page: the page number's low TlbBits bits (one bextr with BMI1; the JIT drops the other arm).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint Slot(ulong address) =>
        Bmi1.X64.IsSupported
            ? (nuint)Bmi1.X64.BitFieldExtract(address, PageShift, TlbBits)
            : (nuint)((address >> PageShift) & (TlbEntries - 1));

    // A slot's tag and addend, read without bounds checks: Slot is below TlbEntries by construction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Tag(ref Tlb tlb, nuint slot) => Unsafe.Add(ref Unsafe.As<TagBuffer, ulong>(ref tlb.Tags), slot);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Addend(ref Tlb tlb, nuint slot) => Unsafe.Add(ref Unsafe.As<AddendBuffer, nint>(ref tlb.Addends), slot);

    private static int SlotIndex(ulong address) => (int)Slot(address);

    // The simulated byte at a host address: inside a pinned page buffer (see Tlb), so the reference stays valid.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref byte At(nint host) => ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), host);

    // The addend of a page buffer at a page address: host address of the buffer less the page's simulated address.
    private static nint AddendOf(byte[] bytes, ulong pageAddress)
    {
        if (bytes.Length != PageBytes)
        {
            throw new InvalidOperationException($"Mmu: the page backing returned {bytes.Length} bytes for the page at 0x{pageAddress:x}, not a page");
        }

        return Marshal.UnsafeAddrOfPinnedArrayElement(bytes, 0) - (nint)pageAddress;
    }

    // A range that would run past the top of the address space is an error (a wrapped pointer), not a silent wrap.
    private static void CheckRange(ulong address, ulong length, bool isWrite)
    {
        if (length != 0 && address + (length - 1) < address)
        {
            throw new SegmentationFaultException(address, isWrite, $"{length} bytes from here run past the end of the address space");
        }
    }

    private byte[] ReadablePage(ulong address)
    {
        var slot = SlotIndex(address);
        if (_readTlb.Tags[slot] != (address & PageTagMask))
        {
            MissRead(address);
        }

        return _readPages[slot]!;
    }

    private byte[] WritablePage(ulong address)
    {
        var slot = SlotIndex(address);
        if (_writeTlb.Tags[slot] != (address & PageTagMask))
        {
            MissWrite(address);
        }

        return _writePages[slot]!;
    }

    // Overlapping ranges: through a buffer, backwards when the destination is above the source (memmove).
    private void CopyOverlapping(ulong destination, ulong source, ulong length)
    {
        var backwards = destination > source;
        var buffer = new byte[Math.Min(length, (ulong)PageBytes)];
        var done = 0UL;
        while (done < length)
        {
            var chunk = Math.Min(length - done, (ulong)buffer.Length);
            var at = backwards ? length - done - chunk : done;
            ReadBytes(source + at, buffer.AsSpan(0, (int)chunk));
            WriteBytes(destination + at, buffer.AsSpan(0, (int)chunk));
            done += chunk;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ulong ReadWordSlow(ulong address)
    {
        var offset = (int)(address & OffsetMask);
        if (offset <= PageBytes - sizeof(ulong))
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(ReadablePage(address).AsSpan(offset));
        }

        Span<byte> buffer = stackalloc byte[sizeof(ulong)];
        ReadBytes(address, buffer);
        return BinaryPrimitives.ReadUInt64LittleEndian(buffer);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteWordSlow(ulong address, ulong value)
    {
        var offset = (int)(address & OffsetMask);
        if (offset <= PageBytes - sizeof(ulong))
        {
            BinaryPrimitives.WriteUInt64LittleEndian(WritablePage(address).AsSpan(offset), value);
            return;
        }

        Span<byte> buffer = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, value);
        WriteBytes(address, buffer);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private nint MissRead(ulong address)
    {
        var mapping = _space.Find(address) ?? throw new SegmentationFaultException(address, false, "no mapping at this address");
        if ((mapping.Protection & Protection.Read) == 0)
        {
            throw new SegmentationFaultException(address, false, "the mapping does not allow reading");
        }

        var page = address & PageTagMask;
        var bytes = _backing.PageForRead(address >> PageShift, mapping);
        var addend = AddendOf(bytes, page);
        var slot = SlotIndex(address);
        _readTlb.Tags[slot] = page;
        _readTlb.Addends[slot] = addend;
        _readPages[slot] = bytes;
        return addend;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private nint MissWrite(ulong address)
    {
        var mapping = _space.Find(address) ?? throw new SegmentationFaultException(address, true, "no mapping at this address");
        if ((mapping.Protection & Protection.Write) == 0)
        {
            throw new SegmentationFaultException(address, true, "the mapping does not allow writing");
        }

        var page = address & PageTagMask;
        var bytes = _backing.PageForWrite(address >> PageShift, mapping);
        var addend = AddendOf(bytes, page);
        var slot = SlotIndex(address);
        _writeTlb.Tags[slot] = page;
        _writeTlb.Addends[slot] = addend;
        _writePages[slot] = bytes;

        // A page read before its first write was served by the zero page: the read side must see the new storage.
        _readTlb.Tags[slot] = page;
        _readTlb.Addends[slot] = addend;
        _readPages[slot] = bytes;
        return addend;
    }

    // One direct-mapped TLB: per slot, the address of the page it translates (EmptyTag when none) and the addend that
    // turns a simulated address in that page into the host address of its byte (QEMU's softmmu TLB does the same). The
    // page's buffer is pinned (IPageBacking's contract) and kept alive by the slot's entry in _readPages / _writePages.
    // An addend is meaningful only while its slot's tag is not EmptyTag.
    private struct Tlb
    {
        public TagBuffer Tags;
        public AddendBuffer Addends;
    }

    [InlineArray(TlbEntries)]
    private struct TagBuffer
    {
        private ulong _tag;
    }

    [InlineArray(TlbEntries)]
    private struct AddendBuffer
    {
        private nint _addend;
    }
}
