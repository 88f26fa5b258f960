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

    /// <summary>For <c>mmap</c>: the protection asked for.</summary>
    public Protection Protection { get; init; } = Protection.ReadWrite;

    /// <summary>For <c>mmap</c> of a file: the file's name; null for anonymous memory.</summary>
    public string? FileName { get; init; }

    /// <summary>For <c>mmap</c> of a file: the offset in the file, in bytes.</summary>
    public ulong FileOffset { get; init; }

    /// <summary>For <c>mmap</c> of a file: true for <c>MAP_SHARED</c>, false for <c>MAP_PRIVATE</c>.</summary>
    public bool Shared { get; init; }

    /// <summary>The call in strace's style, e.g. <c>brk(0x55555557a000) = 0x55555557a000</c>. The simulation has no
    /// file descriptors: a file mapping names its file where strace -y shows the descriptor and its path
    /// (<c>mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd&lt;data.bin&gt;, 0) = 0x...</c>).</summary>
    public override string ToString()
    {
        var result = Error == Errno.None ? Hex(Result) : $"-1 {Error}";
        return Kind switch
        {
            SyscallKind.Brk => $"brk({Hex(Address)}) = {Hex(Result)}",
            SyscallKind.Mmap => $"mmap(NULL, {Length}, {ProtectionText(Protection)}, {MapArguments()}) = {result}",
            SyscallKind.Munmap => $"munmap({Hex(Address)}, {Length}) = {(Error == Errno.None ? "0" : result)}",
            SyscallKind.Mremap => $"mremap({Hex(Address)}, {Length}, {NewLength}, MREMAP_MAYMOVE) = {result}",
            _ => Kind.ToString(),
        };
    }

    private static string Hex(ulong value) => HexFormat.Address(value);

    // The flags, descriptor and offset arguments, as strace shows them (a non-zero offset in hex).
    private string MapArguments() => FileName is null
        ? "MAP_PRIVATE|MAP_ANONYMOUS, -1, 0"
        : $"{(Shared ? "MAP_SHARED" : "MAP_PRIVATE")}, fd<{FileName}>, {(FileOffset == 0 ? "0" : Hex(FileOffset))}";

    private static string ProtectionText(Protection protection)
    {
        var names = new[] { (Protection.Read, "PROT_READ"), (Protection.Write, "PROT_WRITE"), (Protection.Execute, "PROT_EXEC") }
            .Where(p => (protection & p.Item1) != 0)
            .Select(p => p.Item2)
            .ToList();
        return names.Count == 0 ? "PROT_NONE" : string.Join('|', names);
    }
}
