using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Units;

namespace MemKata.Cli.Rendering;

/// <summary>How addresses, offsets, sizes and mappings are written in memkata's readable output.</summary>
internal static class MemoryText
{
    /// <summary>An address as C prints a pointer: <c>0x5555555592a0</c>.</summary>
    public static string Hex(ulong value) => HexFormat.Address(value);

    /// <summary>An address relative to the initial break: <c>initial break + 0x2a0</c> (or <c>- 0x10</c> below it).</summary>
    public static string FromInitialBreak(ulong address, ulong initialBreak) => address >= initialBreak
        ? $"initial break + {Hex(address - initialBreak)}"
        : $"initial break - {Hex(initialBreak - address)}";

    /// <summary>A byte count: exact bytes, with KiB or MiB beside it once it reaches a KiB, e.g. <c>135168 bytes
    /// (132 KiB)</c>.</summary>
    public static string Bytes(ulong count) => ByteSizeFormat.Counted(count);

    /// <summary>A byte count in the largest unit that keeps it readable: <c>132 KiB</c>, <c>195.3 KiB</c>, <c>1.5 MiB</c>.</summary>
    public static string Scaled(ulong count) => ByteSizeFormat.Scaled(count, ByteUnit.MiB);

    /// <summary>A mapping's permissions as <c>/proc/PID/maps</c> writes them, e.g. <c>rw-p</c>.</summary>
    public static string Permissions(Protection protection) => string.Concat(
        (protection & Protection.Read) != 0 ? "r" : "-",
        (protection & Protection.Write) != 0 ? "w" : "-",
        (protection & Protection.Execute) != 0 ? "x" : "-",
        "p");

    /// <summary>What a mapping holds, in the words of <c>/proc/PID/maps</c> where it has some.</summary>
    public static string Describe(VmaKind kind) => kind switch
    {
        VmaKind.Heap => "[heap]",
        VmaKind.Anonymous => "anonymous (mmap)",
        VmaKind.LibraryData => "libc .data/.bss (malloc's arena)",
        _ => kind.ToString(),
    };
}
