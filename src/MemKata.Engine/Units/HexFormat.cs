using System.Globalization;

namespace MemKata.Engine.Units;

/// <summary>The one way MemKata writes an address or a raw word: as C's <c>%#lx</c> prints a pointer, lower case, no
/// padding (<c>0x5555555592a0</c>, <c>0x0</c>).</summary>
public static class HexFormat
{
    /// <summary><paramref name="value"/> as <c>0x</c> followed by its lower-case hexadecimal digits.</summary>
    public static string Address(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>The inclusive range [<paramref name="start"/>, <paramref name="end"/>) as the kernel log writes it:
    /// <c>0x1000 .. 0x4fff</c>; <paramref name="end"/> is exclusive and must be above <paramref name="start"/>.</summary>
    public static string Range(ulong start, ulong end) => Address(start) + " .. " + Address(end - 1);
}
