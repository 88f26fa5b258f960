using MemKata.Contracts;

namespace MemKata.Graders.Allocator;

/// <summary>
/// An <see cref="IProcessMemory"/> that passes every call through and counts it: the cost of an allocator in simulated
/// work (words and bytes read and written, bytes filled and copied, system calls), the same on every grading machine.
/// </summary>
internal sealed class CountingProcessMemory(IProcessMemory inner) : IProcessMemory
{
    private readonly IProcessMemory _inner = inner;

    public long Reads { get; private set; }

    public long Writes { get; private set; }

    public long BytesFilledOrCopied { get; private set; }

    public long SystemCalls { get; private set; }

    /// <summary>One number to compare: every access and system call counts 1, bulk bytes count 1 per 8 (a word).</summary>
    public long Cost => Reads + Writes + (BytesFilledOrCopied / 8) + SystemCalls;

    public ulong PageSize => _inner.PageSize;

    public ulong ProgramBreak => _inner.ProgramBreak;

    public Errno LastError => _inner.LastError;

    public ulong Sbrk(long increment)
    {
        SystemCalls++;
        return _inner.Sbrk(increment);
    }

    public ulong Brk(ulong address)
    {
        SystemCalls++;
        return _inner.Brk(address);
    }

    public ulong Mmap(ulong length, Protection protection = Protection.ReadWrite)
    {
        SystemCalls++;
        return _inner.Mmap(length, protection);
    }

    public int Munmap(ulong address, ulong length)
    {
        SystemCalls++;
        return _inner.Munmap(address, length);
    }

    public ulong Mremap(ulong oldAddress, ulong oldLength, ulong newLength, bool mayMove)
    {
        SystemCalls++;
        return _inner.Mremap(oldAddress, oldLength, newLength, mayMove);
    }

    public byte ReadByte(ulong address)
    {
        Reads++;
        return _inner.ReadByte(address);
    }

    public void WriteByte(ulong address, byte value)
    {
        Writes++;
        _inner.WriteByte(address, value);
    }

    public ulong ReadWord(ulong address)
    {
        Reads++;
        return _inner.ReadWord(address);
    }

    public void WriteWord(ulong address, ulong value)
    {
        Writes++;
        _inner.WriteWord(address, value);
    }

    public void Fill(ulong address, byte value, ulong length)
    {
        BytesFilledOrCopied += (long)length;
        _inner.Fill(address, value, length);
    }

    public void Copy(ulong destination, ulong source, ulong length)
    {
        BytesFilledOrCopied += (long)length;
        _inner.Copy(destination, source, length);
    }
}
