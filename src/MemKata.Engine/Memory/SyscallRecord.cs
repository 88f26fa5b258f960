using MemKata.Contracts;
using MemKata.Engine.Units;

namespace MemKata.Engine.Memory;

/// <summary>Which memory system call a <see cref="SyscallRecord"/> describes.</summary>
public enum SyscallKind
{
    /// <summary><c>brk</c> (sbrk is a library call on top of it).</summary>
    Brk,

    /// <summary><c>mmap</c>.</summary>
    Mmap,

    /// <summary><c>munmap</c>.</summary>
    Munmap,

    /// <summary><c>mremap</c>.</summary>
    Mremap,
}

/// <summary>One memory system call as <c>strace</c> would show it: the call, its arguments and its result; a failed one
/// also carries why, in words (<see cref="Reason"/>), which strace cannot show.</summary>
public sealed record SyscallRecord(SyscallKind Kind, ulong Address, ulong Length, ulong NewLength, ulong Result, Errno Error)
{
    /// <summary>For a failed call, why the kernel refused it (e.g. "no gap of 8589934592 bytes in the address space",
    /// "overcommit refused it: mode 0: ..."); null for a call that succeeded.</summary>
    public string? Reason { get; init; }

    /// <summary>The call in strace's style, e.g. <c>brk(0x55555557a000) = 0x55555557a000</c>.</summary>
    public override string ToString()
    {
        var result = Error == Errno.None ? Hex(Result) : $"-1 {Error}";
        return Kind switch
        {
            SyscallKind.Brk => $"brk({Hex(Address)}) = {Hex(Result)}",
            SyscallKind.Mmap => $"mmap(NULL, {Length}, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = {result}",
            SyscallKind.Munmap => $"munmap({Hex(Address)}, {Length}) = {(Error == Errno.None ? "0" : result)}",
            SyscallKind.Mremap => $"mremap({Hex(Address)}, {Length}, {NewLength}, MREMAP_MAYMOVE) = {result}",
            _ => Kind.ToString(),
        };
    }

    private static string Hex(ulong value) => HexFormat.Address(value);
}
