using MemKata.Contracts;

namespace MemKata.Engine.Performance;

/// <summary>
/// An <see cref="IProcessMemory"/> that passes every call through and counts the work (<see cref="WorkCounts"/>): each
/// access, each byte filled or copied, each memory system call, and each page fault, i.e. the first touch of a page
/// since it was mapped (a page given back with <c>munmap</c> or a shrinking <c>sbrk</c> faults again when touched anew;
/// <c>mremap</c> moves the touched pages with the mapping, as the kernel moves page-table entries).
/// </summary>
public sealed class CountingProcessMemory : IProcessMemory
{
    private readonly IProcessMemory _inner;
    private readonly HashSet<ulong> _touched = [];
    private long _accesses;
    private long _bulkBytes;
    private long _syscalls;
    private long _faults;

    /// <summary>Wraps <paramref name="inner"/>; nothing is counted yet.</summary>
    public CountingProcessMemory(IProcessMemory inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>The work counted so far.</summary>
    public WorkCounts Work => new(_accesses, _bulkBytes, _syscalls, _faults);

    /// <inheritdoc/>
    public ulong PageSize => _inner.PageSize;

    /// <inheritdoc/>
    public ulong ProgramBreak => _inner.ProgramBreak;

    /// <inheritdoc/>
    public Errno LastError => _inner.LastError;

    /// <inheritdoc/>
    public ulong Sbrk(long increment)
    {
        if (increment == 0)
        {
            return _inner.ProgramBreak;
        }

        _syscalls++;
        var old = _inner.Sbrk(increment);
        if (old != Syscall.Failed && increment < 0)
        {
            Forget(_inner.ProgramBreak, old - _inner.ProgramBreak);
        }

        return old;
    }

    /// <inheritdoc/>
    public ulong Brk(ulong address)
    {
        _syscalls++;
        var old = _inner.ProgramBreak;
        var now = _inner.Brk(address);
        if (now < old)
        {
            Forget(now, old - now);
        }

        return now;
    }

    /// <inheritdoc/>
    public ulong Mmap(ulong length, Protection protection = Protection.ReadWrite)
    {
        _syscalls++;
        return _inner.Mmap(length, protection);
    }

    /// <inheritdoc/>
    public int Munmap(ulong address, ulong length)
    {
        _syscalls++;
        var result = _inner.Munmap(address, length);
        if (result == 0)
        {
            Forget(address, length);
        }

        return result;
    }

    /// <inheritdoc/>
    public ulong Mremap(ulong oldAddress, ulong oldLength, ulong newLength, bool mayMove)
    {
        _syscalls++;
        var moved = _inner.Mremap(oldAddress, oldLength, newLength, mayMove);
        if (moved != Syscall.Failed && (moved != oldAddress || newLength < oldLength))
        {
            var kept = _touched.Where(page => page >= oldAddress && page < oldAddress + Math.Min(oldLength, newLength)).ToList();
            Forget(oldAddress, oldLength);
            foreach (var page in kept)
            {
                _touched.Add(page - oldAddress + moved);
            }
        }

        return moved;
    }

    /// <inheritdoc/>
    public byte ReadByte(ulong address)
    {
        var value = _inner.ReadByte(address);
        Touch(address, 1);
        return value;
    }

    /// <inheritdoc/>
    public void WriteByte(ulong address, byte value)
    {
        _inner.WriteByte(address, value);
        Touch(address, 1);
    }

    /// <inheritdoc/>
    public ulong ReadWord(ulong address)
    {
        var value = _inner.ReadWord(address);
        Touch(address, 8);
        return value;
    }

    /// <inheritdoc/>
    public void WriteWord(ulong address, ulong value)
    {
        _inner.WriteWord(address, value);
        Touch(address, 8);
    }

    /// <inheritdoc/>
    public void Fill(ulong address, byte value, ulong length)
    {
        _bulkBytes += (long)length;
        _inner.Fill(address, value, length);
        Fault(address, length);
    }

    /// <inheritdoc/>
    public void Copy(ulong destination, ulong source, ulong length)
    {
        _bulkBytes += (long)length;
        _inner.Copy(destination, source, length);
        Fault(source, length);
        Fault(destination, length);
    }

    // One access of `length` bytes, done: counted, and a fault for each page it touched first.
    private void Touch(ulong address, ulong length)
    {
        _accesses++;
        Fault(address, length);
    }

    private void Fault(ulong address, ulong length)
    {
        if (length == 0)
        {
            return;
        }

        var page = address & ~(PageSize - 1);
        var last = (address + length - 1) & ~(PageSize - 1);
        for (; page <= last && page >= (address & ~(PageSize - 1)); page += PageSize)
        {
            if (_touched.Add(page))
            {
                _faults++;
            }
        }
    }

    // The pages of [address, address + length) are gone; a page that holds part of the range but starts before it (the
    // page of a break that is not page-aligned) stays mapped.
    private void Forget(ulong address, ulong length)
    {
        var first = (address + PageSize - 1) & ~(PageSize - 1);
        var end = address + length;
        _touched.RemoveWhere(page => page >= first && page < end);
    }
}
