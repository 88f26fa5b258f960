using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MemKata.Contracts;

namespace MemKata.Engine.Memory;

/// <summary>
/// One process's virtual memory: its mappings (heap, anonymous mmaps, library data), the program break, and the single
/// path through which every byte is read or written. That path works like a CPU: a small TLB answers most accesses at
/// once; a miss looks up the mapping (none, or the wrong protection: SIGSEGV) and asks the <see cref="IPageBacking"/>
/// for the page, which is where a page fault happens.
/// </summary>
public sealed class SimulatedProcessMemory : IProcessMemory
{
    private const int TlbEntries = 4096;

    // Pages are 4 KiB on every architecture simulated here (x86-64 and i386); constants keep the access path short.
    private const int PageShift = 12;
    private const int PageBytes = 1 << PageShift;
    private const ulong OffsetMask = PageBytes - 1;

    private readonly IPageBacking _backing;
    private readonly ICommitAccounting? _accounting;

    // Mappings sorted by start address, never overlapping.
    private readonly List<Mapping> _mappings = [];

    // Direct-mapped TLBs, one for reads and one for writes. A tag is the page number + 1 (0 marks an empty slot).
    // They are inline buffers, not arrays: one dependent load less on every access.
    private TlbBuffer _readTlb;
    private byte[]? _copyScratch;
    private TlbBuffer _writeTlb;

    /// <summary>Creates an empty address space with the given layout: no heap yet (the break is at
    /// <see cref="AddressSpaceLayout.HeapStart"/>) and the C library's static data mapped.</summary>
    /// <param name="layout">Where things sit; x86-64 when null.</param>
    /// <param name="backing">What lies behind each page; plain demand-zero memory when null.</param>
    /// <param name="accounting">The kernel's overcommit accounting, asked before private writable memory grows; no
    /// limit when null.</param>
    public SimulatedProcessMemory(AddressSpaceLayout? layout = null, IPageBacking? backing = null, ICommitAccounting? accounting = null)
    {
        _accounting = accounting;
        Layout = layout ?? AddressSpaceLayout.X86_64;
        _backing = backing ?? new DemandZeroPageBacking(PageSize);
        HeapStart = Layout.HeapStart;
        ProgramBreak = HeapStart;
        Insert(new Mapping(Layout.LibcDataStart, Layout.LibcDataStart + Layout.LibcDataSize, Protection.ReadWrite, MappingKind.LibraryData));
    }

    /// <summary>The layout this address space was created with.</summary>
    public AddressSpaceLayout Layout { get; }

    /// <inheritdoc/>
    public ulong PageSize => PageBytes;

    /// <summary>The initial program break, where the heap starts.</summary>
    public ulong HeapStart { get; }

    /// <inheritdoc/>
    public ulong ProgramBreak { get; private set; }

    /// <inheritdoc/>
    public Errno LastError { get; private set; }

    /// <summary>Where the C library's static data (malloc's arena) lives.</summary>
    public ulong LibcDataAddress => Layout.LibcDataStart;

    /// <summary>The mappings, lowest address first, as <c>/proc/PID/maps</c> lists them.</summary>
    public IReadOnlyList<Mapping> Mappings => _mappings;

    /// <summary>When set, every memory system call is appended here (strace for the simulation).</summary>
    public List<SyscallRecord>? SyscallLog { get; set; }

    /// <summary>Pages the mappings span (<c>VmSize</c> in pages, Linux's <c>total_vm</c>).</summary>
    public ulong TotalVmPages
    {
        get
        {
            var pages = 0UL;
            foreach (var m in _mappings)
            {
                pages += m.Length >> PageShift;
            }

            return pages;
        }
    }

    /// <summary>When set, called with every memory system call as it completes (the kernel's event log listens here).</summary>
    public Action<SyscallRecord>? SyscallObserver { get; set; }

    /// <summary>Number of memory system calls made (brk, mmap, munmap, mremap), logged or not.</summary>
    public long SyscallCount { get; private set; }

    // ---- system calls --------------------------------------------------------------------------------------------

    /// <inheritdoc/>
    public ulong Sbrk(long increment)
    {
        var old = ProgramBreak;
        if (increment == 0)
        {
            return old;
        }

        // glibc's sbrk refuses a move that would wrap around the address space before asking the kernel.
        var wraps = increment > 0 ? old + (ulong)increment < old : old < (ulong)(-increment);
        if (wraps)
        {
            LastError = Errno.ENOMEM;
            return Syscall.Failed;
        }

        var wanted = increment > 0 ? old + (ulong)increment : old - (ulong)(-increment);
        if (Brk(wanted) != wanted)
        {
            LastError = Errno.ENOMEM;
            return Syscall.Failed;
        }

        return old;
    }

    /// <inheritdoc/>
    public ulong Brk(ulong address)
    {
        var result = DoBrk(address);
        Record(SyscallKind.Brk, address, 0, 0, result, Errno.None);
        return result;
    }

    private ulong DoBrk(ulong address)
    {
        if (address < HeapStart)
        {
            return ProgramBreak;
        }

        var oldEnd = PageMath.RoundUp(ProgramBreak, PageSize);
        var newEnd = PageMath.RoundUp(address, PageSize);
        if (newEnd < address || newEnd > Layout.UserSpaceEnd)
        {
            return ProgramBreak;
        }

        if (newEnd > oldEnd)
        {
            // Linux leaves at least one page between the heap and the next mapping.
            var next = FirstMappingAtOrAbove(oldEnd);
            if (next is not null && newEnd + PageSize > next.Start)
            {
                return ProgramBreak;
            }

            if (!TryCommit(newEnd - oldEnd))
            {
                return ProgramBreak;
            }
        }
        else if (newEnd < oldEnd)
        {
            Unmap(newEnd, oldEnd - newEnd);
        }

        SetHeapEnd(newEnd);
        ProgramBreak = address;
        return address;
    }

    /// <inheritdoc/>
    public ulong Mmap(ulong length, Protection protection = Protection.ReadWrite)
    {
        var result = DoMmap(length, protection, out var error);
        LastError = error == Errno.None ? LastError : error;
        Record(SyscallKind.Mmap, 0, length, 0, result, error);
        return result;
    }

    private ulong DoMmap(ulong length, Protection protection, out Errno error)
    {
        error = Errno.None;
        var rounded = PageMath.RoundUp(length, PageSize);
        if (length == 0)
        {
            error = Errno.EINVAL;
            return Syscall.Failed;
        }

        if (rounded < length || !TryFindGap(rounded, out var start))
        {
            error = Errno.ENOMEM;
            return Syscall.Failed;
        }

        var mapping = new Mapping(start, start + rounded, protection, MappingKind.Anonymous);
        if (IsAccountable(mapping) && !TryCommit(rounded))
        {
            error = Errno.ENOMEM;
            return Syscall.Failed;
        }

        Insert(mapping);
        return start;
    }

    /// <summary>
    /// <c>mmap(NULL, length, prot, shared ? MAP_SHARED : MAP_PRIVATE, fd, offset)</c> of a file the kernel knows by
    /// <paramref name="fileName"/>: maps <paramref name="length"/> bytes (rounded up to pages) of the file from
    /// <paramref name="offset"/> (page-aligned). A private writable file mapping is committed like anonymous memory.
    /// Returns the address or <see cref="Syscall.Failed"/> (EINVAL, ENOMEM).
    /// </summary>
    public ulong MmapFile(ulong length, Protection protection, string fileName, ulong offset, bool shared)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var error = Errno.None;
        var result = Syscall.Failed;
        var rounded = PageMath.RoundUp(length, PageSize);
        if (length == 0 || !PageMath.IsAligned(offset, PageSize))
        {
            error = Errno.EINVAL;
        }
        else if (rounded < length || !TryFindGap(rounded, out var start))
        {
            error = Errno.ENOMEM;
        }
        else
        {
            var kind = shared ? MappingKind.FileShared : MappingKind.FilePrivate;
            var mapping = new Mapping(start, start + rounded, protection, kind) { FileName = fileName, FileOffset = offset };
            if (IsAccountable(mapping) && !TryCommit(rounded))
            {
                error = Errno.ENOMEM;
            }
            else
            {
                Insert(mapping);
                result = start;
            }
        }

        if (error != Errno.None)
        {
            LastError = error;
        }

        Record(SyscallKind.Mmap, 0, length, 0, result, error);
        return result;
    }

    /// <inheritdoc/>
    public int Munmap(ulong address, ulong length)
    {
        Errno error = Errno.None;
        if (!PageMath.IsAligned(address, PageSize) || length == 0)
        {
            error = Errno.EINVAL;
        }
        else
        {
            var rounded = PageMath.RoundUp(length, PageSize);
            if (rounded < length || address + rounded < address)
            {
                error = Errno.EINVAL;
            }
            else
            {
                Unmap(address, rounded);
            }
        }

        if (error != Errno.None)
        {
            LastError = error;
        }

        Record(SyscallKind.Munmap, address, length, 0, error == Errno.None ? 0UL : Syscall.Failed, error);
        return error == Errno.None ? 0 : -1;
    }

    /// <inheritdoc/>
    public ulong Mremap(ulong oldAddress, ulong oldLength, ulong newLength, bool mayMove)
    {
        var result = DoMremap(oldAddress, oldLength, newLength, mayMove, out var error);
        if (error != Errno.None)
        {
            LastError = error;
        }

        Record(SyscallKind.Mremap, oldAddress, oldLength, newLength, result, error);
        return result;
    }

    private ulong DoMremap(ulong oldAddress, ulong oldLength, ulong newLength, bool mayMove, out Errno error)
    {
        error = Errno.EINVAL;
        if (!PageMath.IsAligned(oldAddress, PageSize) || newLength == 0)
        {
            return Syscall.Failed;
        }

        var oldSize = PageMath.RoundUp(oldLength, PageSize);
        var newSize = PageMath.RoundUp(newLength, PageSize);
        error = Errno.EFAULT;
        var mapping = FindMapping(oldAddress);
        if (mapping is null || oldSize > mapping.End - oldAddress)
        {
            return Syscall.Failed;
        }

        error = Errno.None;
        if (newSize <= oldSize)
        {
            if (newSize < oldSize)
            {
                Unmap(oldAddress + newSize, oldSize - newSize);
            }

            return oldAddress;
        }

        // Grow in place when the range ends its mapping and the pages after it are free.
        var oldEnd = oldAddress + oldSize;
        if (oldEnd == mapping.End && mapping.Kind == MappingKind.Anonymous)
        {
            var next = FirstMappingAtOrAbove(oldEnd);
            var limit = next?.Start ?? Layout.UserSpaceEnd;
            if (oldAddress + newSize <= limit && oldAddress + newSize > oldAddress)
            {
                if (IsAccountable(mapping) && !TryCommit(newSize - oldSize))
                {
                    error = Errno.ENOMEM;
                    return Syscall.Failed;
                }

                Replace(mapping, mapping with { End = oldAddress + newSize });
                return oldAddress;
            }
        }

        if (!mayMove || !TryFindGap(newSize, out var target))
        {
            error = Errno.ENOMEM;
            return Syscall.Failed;
        }

        if (IsAccountable(mapping) && !TryCommit(newSize - oldSize))
        {
            error = Errno.ENOMEM;
            return Syscall.Failed;
        }

        _backing.Move(oldAddress >> PageShift, target >> PageShift, oldSize >> PageShift);
        RemoveRange(oldAddress, oldSize);
        Insert(new Mapping(target, target + newSize, mapping.Protection, mapping.Kind)
        {
            FileName = mapping.FileName,
            FileOffset = mapping.FileOffsetAt(oldAddress),
        });
        FlushTlb(oldAddress >> PageShift, oldSize >> PageShift);
        return target;
    }

    // ---- memory access -------------------------------------------------------------------------------------------

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte(ulong address)
    {
        var page = address >> PageShift;
        ref var entry = ref Slot(ref _readTlb, page);
        var bytes = entry.Tag == page + 1 ? entry.Bytes : MissRead(address);
        return bytes[(int)(address & OffsetMask)];
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteByte(ulong address, byte value)
    {
        var page = address >> PageShift;
        ref var entry = ref Slot(ref _writeTlb, page);
        var bytes = entry.Tag == page + 1 ? entry.Bytes : MissWrite(address);
        bytes[(int)(address & OffsetMask)] = value;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadWord(ulong address)
    {
        var page = address >> PageShift;
        ref var entry = ref Slot(ref _readTlb, page);
        var offset = (int)(address & OffsetMask);
        if (entry.Tag == page + 1 && offset <= PageBytes - sizeof(ulong))
        {
            // In bounds: the offset was just checked against the page length.
            return Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(entry.Bytes), offset));
        }

        return ReadWordSlow(address);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteWord(ulong address, ulong value)
    {
        var page = address >> PageShift;
        ref var entry = ref Slot(ref _writeTlb, page);
        var offset = (int)(address & OffsetMask);
        if (entry.Tag == page + 1 && offset <= PageBytes - sizeof(ulong))
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(entry.Bytes), offset), value);
            return;
        }

        WriteWordSlow(address, value);
    }

    /// <inheritdoc/>
    public void Fill(ulong address, byte value, ulong length)
    {
        while (length > 0)
        {
            var offset = (int)(address & OffsetMask);
            var run = (int)Math.Min(length, (ulong)(PageBytes - offset));
            var page = WritablePage(address);
            page.AsSpan(offset, run).Fill(value);
            address += (ulong)run;
            length -= (ulong)run;
        }
    }

    /// <inheritdoc/>
    public void Copy(ulong destination, ulong source, ulong length)
    {
        if (length == 0 || destination == source)
        {
            return;
        }

        var overlaps = destination < source + length && source < destination + length;
        if (!overlaps)
        {
            // Page by page, straight from the source page to the destination page. Fetching the destination may fault,
            // reclaim and flush the source page's bytes (IPageBacking); the source's TLB entry says whether they are
            // still its bytes, and if not the piece goes through a scratch buffer instead.
            while (length > 0)
            {
                var sourceOffset = (int)(source & OffsetMask);
                var destinationOffset = (int)(destination & OffsetMask);
                var run = (int)Math.Min(length, (ulong)(PageBytes - Math.Max(sourceOffset, destinationOffset)));
                var from = ReadablePage(source);
                var to = WritablePage(destination);
                ref var sourceEntry = ref Slot(ref _readTlb, source >> PageShift);
                if (sourceEntry.Tag == (source >> PageShift) + 1 && ReferenceEquals(sourceEntry.Bytes, from))
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

            return;
        }

        // Overlapping ranges: copy through a buffer, backwards when the destination is above the source (memmove).
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

    /// <summary>Reads <paramref name="target"/>.Length bytes starting at <paramref name="address"/>.</summary>
    public void ReadBytes(ulong address, Span<byte> target)
    {
        while (!target.IsEmpty)
        {
            var offset = (int)(address & OffsetMask);
            var run = Math.Min(target.Length, PageBytes - offset);
            var page = ReadablePage(address);
            page.AsSpan(offset, run).CopyTo(target);
            target = target[run..];
            address += (ulong)run;
        }
    }

    /// <summary>Writes <paramref name="source"/> starting at <paramref name="address"/>.</summary>
    public void WriteBytes(ulong address, ReadOnlySpan<byte> source)
    {
        while (!source.IsEmpty)
        {
            var offset = (int)(address & OffsetMask);
            var run = Math.Min(source.Length, PageBytes - offset);
            var page = WritablePage(address);
            source[..run].CopyTo(page.AsSpan(offset, run));
            source = source[run..];
            address += (ulong)run;
        }
    }

    /// <summary>Finds the mapping that covers <paramref name="address"/>, or null.</summary>
    public Mapping? FindMapping(ulong address)
    {
        int lo = 0, hi = _mappings.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = _mappings[mid];
            if (address < m.Start)
            {
                hi = mid - 1;
            }
            else if (address >= m.End)
            {
                lo = mid + 1;
            }
            else
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>Forgets every cached translation. The page backing calls this after it takes a page away (eviction,
    /// swap-out) or changes what an access must notice, as the kernel flushes a real TLB.</summary>
    public void FlushTlb()
    {
        ((Span<TlbEntry>)_readTlb).Clear();
        ((Span<TlbEntry>)_writeTlb).Clear();
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
            ref var read = ref Slot(ref _readTlb, page);
            if (read.Tag == page + 1)
            {
                read = default;
            }

            ref var write = ref Slot(ref _writeTlb, page);
            if (write.Tag == page + 1)
            {
                write = default;
            }
        }
    }

    // ---- internals -----------------------------------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref TlbEntry Slot(ref TlbBuffer tlb, ulong page) =>
        ref Unsafe.Add(ref Unsafe.As<TlbBuffer, TlbEntry>(ref tlb), (int)(page & (TlbEntries - 1)));

    private byte[] ReadablePage(ulong address)
    {
        var page = address >> PageShift;
        ref var entry = ref Slot(ref _readTlb, page);
        return entry.Tag == page + 1 ? entry.Bytes : MissRead(address);
    }

    private byte[] WritablePage(ulong address)
    {
        var page = address >> PageShift;
        ref var entry = ref Slot(ref _writeTlb, page);
        return entry.Tag == page + 1 ? entry.Bytes : MissWrite(address);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ulong ReadWordSlow(ulong address)
    {
        var offset = (int)(address & OffsetMask);
        if (offset <= PageBytes - sizeof(ulong))
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(MissRead(address).AsSpan(offset));
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
            BinaryPrimitives.WriteUInt64LittleEndian(MissWrite(address).AsSpan(offset), value);
            return;
        }

        Span<byte> buffer = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, value);
        WriteBytes(address, buffer);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private byte[] MissRead(ulong address)
    {
        var mapping = FindMapping(address) ?? throw new SegmentationFaultException(address, false, "no mapping at this address");
        if ((mapping.Protection & Protection.Read) == 0)
        {
            throw new SegmentationFaultException(address, false, "the mapping does not allow reading");
        }

        var page = address >> PageShift;
        var bytes = _backing.PageForRead(page, mapping);
        Slot(ref _readTlb, page) = new TlbEntry { Tag = page + 1, Bytes = bytes };
        return bytes;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private byte[] MissWrite(ulong address)
    {
        var mapping = FindMapping(address) ?? throw new SegmentationFaultException(address, true, "no mapping at this address");
        if ((mapping.Protection & Protection.Write) == 0)
        {
            throw new SegmentationFaultException(address, true, "the mapping does not allow writing");
        }

        var page = address >> PageShift;
        var bytes = _backing.PageForWrite(page, mapping);
        Slot(ref _writeTlb, page) = new TlbEntry { Tag = page + 1, Bytes = bytes };

        // A page read before its first write was served by the zero page: the read side must see the new storage.
        Slot(ref _readTlb, page) = new TlbEntry { Tag = page + 1, Bytes = bytes };
        return bytes;
    }

    private void Record(SyscallKind kind, ulong address, ulong length, ulong newLength, ulong result, Errno error)
    {
        SyscallCount++;
        if (SyscallLog is null && SyscallObserver is null)
        {
            return;
        }

        var record = new SyscallRecord(kind, address, length, newLength, result, error);
        SyscallLog?.Add(record);
        SyscallObserver?.Invoke(record);
    }

    private Mapping? FirstMappingAtOrAbove(ulong address)
    {
        foreach (var m in _mappings)
        {
            if (m.End > address)
            {
                return m;
            }
        }

        return null;
    }

    // The highest hole below MmapBase that holds length bytes, as Linux's top-down search picks: between and below the
    // existing mappings, skipping the program image and the heap (plus one guard page above the break), and, when
    // nothing fits above the program, below it, down to mmap_min_addr.
    private bool TryFindGap(ulong length, out ulong start)
    {
        var top = Layout.MmapBase;
        var reservedStart = Math.Min(Layout.ProgramStart, HeapStart);
        var reservedEnd = PageMath.RoundUp(ProgramBreak, PageSize) + PageSize;
        var reservedPending = true;
        var i = _mappings.Count - 1;
        while (true)
        {
            // The next obstacle going down: a mapping, or the program-and-heap block.
            ulong obstacleStart;
            ulong obstacleEnd;
            if (reservedPending && (i < 0 || reservedStart >= _mappings[i].Start))
            {
                (obstacleStart, obstacleEnd) = (reservedStart, reservedEnd);
                reservedPending = false;
            }
            else if (i >= 0)
            {
                (obstacleStart, obstacleEnd) = (_mappings[i].Start, _mappings[i].End);
                i--;
            }
            else
            {
                break;
            }

            if (obstacleStart >= top)
            {
                continue;
            }

            if (obstacleEnd < top && top - obstacleEnd >= length)
            {
                start = top - length;
                return true;
            }

            top = obstacleStart;
        }

        if (top > Layout.MmapMinAddress && top - Layout.MmapMinAddress >= length)
        {
            start = top - length;
            return true;
        }

        start = 0;
        return false;
    }

    private void SetHeapEnd(ulong end)
    {
        var index = _mappings.FindIndex(m => m.Kind == MappingKind.Heap);
        if (end <= HeapStart)
        {
            if (index >= 0)
            {
                _mappings.RemoveAt(index);
            }

            return;
        }

        var heap = new Mapping(HeapStart, end, Protection.ReadWrite, MappingKind.Heap);
        if (index >= 0)
        {
            _mappings[index] = heap;
        }
        else
        {
            Insert(heap);
        }
    }

    // Linux charges private writable memory only (mm/mmap.c accountable_mapping); library data is left out here.
    private static bool IsAccountable(Mapping mapping) =>
        (mapping.Protection & Protection.Write) != 0 && mapping.Kind is MappingKind.Heap or MappingKind.Anonymous or MappingKind.FilePrivate;

    private bool TryCommit(ulong bytes) => _accounting is null || _accounting.TryCommit(bytes >> PageShift, TotalVmPages);

    private void Unmap(ulong start, ulong length)
    {
        if (_accounting is not null)
        {
            var end = start + length;
            var released = 0UL;
            foreach (var m in _mappings)
            {
                if (m.End > start && m.Start < end && IsAccountable(m))
                {
                    released += Math.Min(m.End, end) - Math.Max(m.Start, start);
                }
            }

            if (released > 0)
            {
                _accounting.Uncommit(released >> PageShift);
            }
        }

        RemoveRange(start, length);
        _backing.Discard(start >> PageShift, length >> PageShift);
        FlushTlb(start >> PageShift, length >> PageShift);
    }

    // Removes [start, start + length) from the mapping list, splitting mappings that straddle its ends.
    private void RemoveRange(ulong start, ulong length)
    {
        var end = start + length;
        for (var i = 0; i < _mappings.Count; i++)
        {
            var m = _mappings[i];
            if (m.End <= start || m.Start >= end)
            {
                continue;
            }

            _mappings.RemoveAt(i);
            var pieces = 0;
            if (m.Start < start)
            {
                _mappings.Insert(i + pieces++, m with { End = start });
            }

            if (m.End > end)
            {
                _mappings.Insert(i + pieces++, m with { Start = end, FileOffset = m.FileOffsetAt(end) });
            }

            i += pieces - 1;
        }
    }

    private void Insert(Mapping mapping)
    {
        var index = _mappings.FindIndex(m => m.Start > mapping.Start);
        _mappings.Insert(index < 0 ? _mappings.Count : index, mapping);
    }

    private void Replace(Mapping old, Mapping updated) => _mappings[_mappings.IndexOf(old)] = updated;

    [InlineArray(TlbEntries)]
    private struct TlbBuffer
    {
        private TlbEntry _entry;
    }

    // One TLB slot: which page it translates (page number + 1; 0 when empty) and that page's bytes.
    private struct TlbEntry
    {
        public ulong Tag;
        public byte[] Bytes;
    }
}
