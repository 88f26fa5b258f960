using System.Runtime.CompilerServices;
using MemKata.Contracts;
using MemKata.Contracts.Kernel;

namespace MemKata.Engine.Memory;

/// <summary>
/// One process's memory as its C library sees it (<see cref="IProcessMemory"/>): the memory system calls, which change
/// the <see cref="AddressSpace"/> and charge the <see cref="CommitCharge"/>, and the loads and stores, which go through
/// the <see cref="Mmu"/>. Every system call ends in one place that sets <see cref="LastError"/> on failure, counts the
/// call and tells the one observer (<see cref="SyscallCompleted"/>), as strace would show it.
/// </summary>
public sealed class SimulatedProcessMemory : IProcessMemory
{
    private readonly IPageBacking _backing;
    private readonly CommitCharge _charge;
    private string? _reason;

    /// <summary>Creates an empty address space with the given layout: no heap yet (the break is at
    /// <see cref="AddressSpaceLayout.HeapStart"/>) and the C library's static data mapped.</summary>
    /// <param name="layout">Where things sit; x86-64 when null.</param>
    /// <param name="backing">What lies behind each page; plain demand-zero memory when null.</param>
    /// <param name="accounting">The kernel's overcommit accounting, asked before private writable memory grows; no
    /// limit when null.</param>
    public SimulatedProcessMemory(AddressSpaceLayout? layout = null, IPageBacking? backing = null, ICommitAccounting? accounting = null)
    {
        Space = new AddressSpace(layout ?? AddressSpaceLayout.X86_64);
        _backing = backing ?? new DemandZeroPageBacking(PageSize);
        _charge = new CommitCharge(accounting);
        Mmu = new Mmu(Space, _backing);
        ProgramBreak = HeapStart;
    }

    /// <summary>The areas of this process.</summary>
    public AddressSpace Space { get; }

    /// <summary>The access path every load and store takes.</summary>
    public Mmu Mmu { get; }

    /// <summary>The layout this address space was created with.</summary>
    public AddressSpaceLayout Layout => Space.Layout;

    /// <inheritdoc/>
    public ulong PageSize => Units.PageUnits.PageSize;

    /// <summary>The initial program break, where the heap starts.</summary>
    public ulong HeapStart => Layout.HeapStart;

    /// <inheritdoc/>
    public ulong ProgramBreak { get; private set; }

    /// <inheritdoc/>
    public Errno LastError { get; private set; }

    /// <summary>Why the last system call that failed was refused, in words (the errno says only which kind of refusal):
    /// e.g. "no gap of 8589934592 bytes left in the address space", or the overcommit rule's reason.</summary>
    public string? LastErrorReason { get; private set; }

    /// <summary>Where the C library's static data (malloc's arena) lives.</summary>
    public ulong LibcDataAddress => Layout.LibcDataStart;

    /// <summary>The mappings, lowest address first, as <c>/proc/PID/maps</c> lists them.</summary>
    public IReadOnlyList<Mapping> Mappings => Space.Mappings;

    /// <summary>Pages the mappings span (<c>VmSize</c> in pages, Linux's <c>total_vm</c>).</summary>
    public ulong TotalVmPages => Space.TotalVmPages;

    /// <summary>Raised with every memory system call (brk, mmap, munmap, mremap) as it completes: the kernel's event log,
    /// a grader's log of calls and the replay report all listen here.</summary>
    public event Action<SyscallRecord>? SyscallCompleted;

    /// <summary>Number of memory system calls made (brk, mmap, munmap, mremap).</summary>
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

        // sbrk is glibc's, on top of brk: it refuses a move that would wrap around the address space before asking
        // the kernel, and turns a brk that did not move into ENOMEM.
        var wraps = increment > 0 ? old + (ulong)increment < old : old < (ulong)(-increment);
        var wanted = increment > 0 ? old + (ulong)increment : old - (ulong)(-increment);
        if (wraps || Brk(wanted) != wanted)
        {
            LastError = Errno.ENOMEM;
            LastErrorReason = wraps ? "the break would wrap around the address space" : "brk refused to move the break (see its record)";
            return Syscall.Failed;
        }

        return old;
    }

    /// <inheritdoc/>
    public ulong Brk(ulong address) => Complete(SyscallKind.Brk, address, 0, 0, DoBrk(address), Errno.None);

    /// <inheritdoc/>
    public ulong Mmap(ulong length, Protection protection = Protection.ReadWrite)
    {
        var mapping = new Mapping(0, 0, protection, VmaKind.Anonymous);
        var error = Place(mapping, length, out var start);
        return Complete(SyscallKind.Mmap, 0, length, 0, start, error, mapping);
    }

    /// <summary>
    /// <c>mmap(NULL, length, prot, shared ? MAP_SHARED : MAP_PRIVATE, fd, offset)</c> of a file the kernel knows by
    /// <paramref name="fileName"/>: maps <paramref name="length"/> bytes (rounded up to pages) of the file from
    /// <paramref name="offset"/> (page-aligned). A private writable file mapping is committed like anonymous memory.
    /// Returns the address or <see cref="Syscall.Failed"/> with <see cref="LastError"/> set (EINVAL, ENOMEM).
    /// </summary>
    public ulong MmapFile(ulong length, Protection protection, string fileName, ulong offset, bool shared)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var mapping = new Mapping(0, 0, protection, shared ? VmaKind.FileShared : VmaKind.FilePrivate) { FileName = fileName, FileOffset = offset };
        var error = PageMath.IsAligned(offset, PageSize)
            ? Place(mapping, length, out var start)
            : Fail(Errno.EINVAL, $"the file offset 0x{offset:x} is not page-aligned", out start);
        return Complete(SyscallKind.Mmap, 0, length, 0, start, error, mapping);
    }

    /// <inheritdoc/>
    public int Munmap(ulong address, ulong length)
    {
        var rounded = PageMath.RoundUp(length, PageSize);
        var error = !PageMath.IsAligned(address, PageSize) || length == 0 || rounded < length || address + rounded < address
            ? Fail(Errno.EINVAL, "the address is not page-aligned, the length is 0, or the range runs past the end of the address space", out _)
            : Errno.None;
        if (error == Errno.None)
        {
            Unmap(address, rounded);
        }

        Complete(SyscallKind.Munmap, address, length, 0, error == Errno.None ? 0UL : Syscall.Failed, error);
        return error == Errno.None ? 0 : -1;
    }

    /// <inheritdoc/>
    public ulong Mremap(ulong oldAddress, ulong oldLength, ulong newLength, bool mayMove)
    {
        var error = DoMremap(oldAddress, oldLength, newLength, mayMove, out var result);
        return Complete(SyscallKind.Mremap, oldAddress, oldLength, newLength, error == Errno.None ? result : Syscall.Failed, error);
    }

    // ---- memory access: the MMU's ----------------------------------------------------------------------------------

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte(ulong address) => Mmu.ReadByte(address);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteByte(ulong address, byte value) => Mmu.WriteByte(address, value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadWord(ulong address) => Mmu.ReadWord(address);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteWord(ulong address, ulong value) => Mmu.WriteWord(address, value);

    /// <inheritdoc/>
    public void Fill(ulong address, byte value, ulong length) => Mmu.Fill(address, value, length);

    /// <inheritdoc/>
    public void Copy(ulong destination, ulong source, ulong length) => Mmu.Copy(destination, source, length);

    /// <summary>Reads <paramref name="target"/>.Length bytes starting at <paramref name="address"/>.</summary>
    public void ReadBytes(ulong address, Span<byte> target) => Mmu.ReadBytes(address, target);

    /// <summary>Writes <paramref name="source"/> starting at <paramref name="address"/>.</summary>
    public void WriteBytes(ulong address, ReadOnlySpan<byte> source) => Mmu.WriteBytes(address, source);

    /// <summary>Finds the mapping that covers <paramref name="address"/>, or null.</summary>
    public Mapping? FindMapping(ulong address) => Space.Find(address);

    // ---- internals -----------------------------------------------------------------------------------------------

    // The one way a system call ends: errno on failure, the count, the observer.
    private ulong Complete(SyscallKind kind, ulong address, ulong length, ulong newLength, ulong result, Errno error, Mapping? mapped = null)
    {
        if (error != Errno.None)
        {
            LastError = error;
        }

        var reason = error == Errno.None ? null : _reason;
        if (error != Errno.None)
        {
            LastErrorReason = reason;
        }

        _reason = null;
        SyscallCount++;
        SyscallCompleted?.Invoke(new SyscallRecord(kind, address, length, newLength, result, error)
        {
            Reason = reason,
            Protection = mapped?.Protection ?? Protection.ReadWrite,
            FileName = mapped?.FileName,
            FileOffset = mapped?.FileOffset ?? 0,
            Shared = mapped?.Kind == VmaKind.FileShared,
        });
        return result;
    }

    // A refusal: its errno, and why in words for the call's record.
    private Errno Fail(Errno error, string reason, out ulong result)
    {
        _reason = reason;
        result = Syscall.Failed;
        return error;
    }

    // brk never fails: a refused request leaves the break where it was and returns it.
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
            var next = Space.FirstEndingAbove(oldEnd);
            if (next is not null && newEnd + PageSize > next.Start)
            {
                return ProgramBreak;
            }

            if (!_charge.TryCharge(newEnd - oldEnd, TotalVmPages))
            {
                return ProgramBreak;
            }
        }
        else if (newEnd < oldEnd)
        {
            Unmap(newEnd, oldEnd - newEnd);
        }

        Space.SetHeapEnd(newEnd);
        ProgramBreak = address;
        return address;
    }

    // mmap's placement: a gap for `length` bytes (rounded up to pages), the commit charge, then the new area shaped
    // like `shape` at the gap.
    private Errno Place(Mapping shape, ulong length, out ulong start)
    {
        var rounded = PageMath.RoundUp(length, PageSize);
        if (length == 0)
        {
            return Fail(Errno.EINVAL, "the length is 0", out start);
        }

        if (rounded < length || !Space.TryFindGap(rounded, ProgramBreak, out start))
        {
            return Fail(Errno.ENOMEM, $"no gap of {length} bytes left in the address space", out start);
        }

        var mapping = shape with { Start = start, End = start + rounded };
        if (!_charge.TryCharge(mapping, rounded, TotalVmPages))
        {
            return Fail(Errno.ENOMEM, _charge.LastRefusal!, out start);
        }

        Space.Insert(mapping);
        return Errno.None;
    }

    private Errno DoMremap(ulong oldAddress, ulong oldLength, ulong newLength, bool mayMove, out ulong result)
    {
        result = Syscall.Failed;
        if (!PageMath.IsAligned(oldAddress, PageSize) || newLength == 0)
        {
            return Fail(Errno.EINVAL, "the old address is not page-aligned, or the new length is 0", out result);
        }

        var oldSize = PageMath.RoundUp(oldLength, PageSize);
        var newSize = PageMath.RoundUp(newLength, PageSize);
        var mapping = Space.Find(oldAddress);
        if (mapping is null || oldSize > mapping.End - oldAddress)
        {
            return Fail(Errno.EFAULT, "no mapping covers the old range", out result);
        }

        if (newSize <= oldSize)
        {
            if (newSize < oldSize)
            {
                Unmap(oldAddress + newSize, oldSize - newSize);
            }

            result = oldAddress;
            return Errno.None;
        }

        // Grow in place when the range ends its mapping and the pages after it are free.
        var oldEnd = oldAddress + oldSize;
        if (oldEnd == mapping.End && mapping.Kind == VmaKind.Anonymous)
        {
            var next = Space.FirstEndingAbove(oldEnd);
            var limit = next?.Start ?? Layout.UserSpaceEnd;
            if (oldAddress + newSize <= limit && oldAddress + newSize > oldAddress)
            {
                if (!_charge.TryCharge(mapping, newSize - oldSize, TotalVmPages))
                {
                    return Fail(Errno.ENOMEM, _charge.LastRefusal!, out result);
                }

                Space.Replace(mapping, mapping with { End = oldAddress + newSize });
                result = oldAddress;
                return Errno.None;
            }
        }

        if (!mayMove)
        {
            return Fail(Errno.ENOMEM, "it cannot grow in place and may not move", out result);
        }

        if (!Space.TryFindGap(newSize, ProgramBreak, out var target))
        {
            return Fail(Errno.ENOMEM, $"no gap of {newLength} bytes left in the address space", out result);
        }

        if (!_charge.TryCharge(mapping, newSize - oldSize, TotalVmPages))
        {
            return Fail(Errno.ENOMEM, _charge.LastRefusal!, out result);
        }

        _backing.Move(oldAddress / PageSize, target / PageSize, oldSize / PageSize);
        Space.RemoveRange(oldAddress, oldSize);
        Space.Insert(new Mapping(target, target + newSize, mapping.Protection, mapping.Kind)
        {
            FileName = mapping.FileName,
            FileOffset = mapping.FileOffsetAt(oldAddress),
        });
        Mmu.FlushTlb(oldAddress / PageSize, oldSize / PageSize);
        result = target;
        return Errno.None;
    }

    private void Unmap(ulong start, ulong length)
    {
        _charge.Release(Space, start, length);
        Space.RemoveRange(start, length);
        _backing.Discard(start / PageSize, length / PageSize);
        Mmu.FlushTlb(start / PageSize, length / PageSize);
    }
}
