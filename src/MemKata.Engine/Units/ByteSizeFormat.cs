using System.Globalization;

namespace MemKata.Engine.Units;

/// <summary>The largest binary unit a byte size is written in.</summary>
public enum ByteUnit
{
    /// <summary>Kibibytes (2^10 bytes).</summary>
    KiB = 10,

    /// <summary>Mebibytes (2^20 bytes).</summary>
    MiB = 20,

    /// <summary>Gibibytes (2^30 bytes).</summary>
    GiB = 30,

    /// <summary>Tebibytes (2^40 bytes).</summary>
    TiB = 40,
}

/// <summary>
/// The one way MemKata writes a byte count for people, in binary units (KiB = 1024 bytes, as <c>free</c> and /proc mean
/// them), invariant culture, a space before the unit: <c>132 KiB</c>, <c>95.9 MiB</c>, <c>4 GiB</c>, <c>100 B</c>.
/// </summary>
public static class ByteSizeFormat
{
    private static readonly ByteUnit[] s_largestFirst = [ByteUnit.TiB, ByteUnit.GiB, ByteUnit.MiB, ByteUnit.KiB];

    /// <summary>Bytes in one <paramref name="unit"/>.</summary>
    public static ulong BytesIn(ByteUnit unit) => 1UL << (int)unit;

    /// <summary>
    /// <paramref name="bytes"/> in the largest unit, up to <paramref name="largest"/>, that it reaches; whole when the
    /// unit divides it, else with one decimal (<c>1.5 MiB</c>, <c>195.3 KiB</c>). Below 1 KiB: <c>512 B</c>.
    /// </summary>
    public static string Scaled(ulong bytes, ByteUnit largest = ByteUnit.GiB)
    {
        foreach (var unit in s_largestFirst)
        {
            var factor = BytesIn(unit);
            if (unit <= largest && bytes >= factor)
            {
                return bytes % factor == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{bytes / factor} {unit}")
                    : string.Create(CultureInfo.InvariantCulture, $"{(double)bytes / factor:0.0} {unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes} B");
    }

    /// <summary><paramref name="bytes"/> in the largest unit (up to TiB) that divides it exactly, so that it reads back
    /// as the same number: <c>132 KiB</c>, <c>8 GiB</c>, <c>4097 B</c>, <c>0 B</c>.</summary>
    public static string Exact(ulong bytes)
    {
        foreach (var unit in s_largestFirst)
        {
            var factor = BytesIn(unit);
            if (bytes >= factor && bytes % factor == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{bytes / factor} {unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes} B");
    }

    /// <summary>The exact count, with its scaled size (up to MiB) beside it once it reaches a KiB: <c>1 byte</c>,
    /// <c>100 bytes</c>, <c>135168 bytes (132 KiB)</c>.</summary>
    public static string Counted(ulong bytes)
    {
        var exact = bytes == 1 ? "1 byte" : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
        return bytes < BytesIn(ByteUnit.KiB) ? exact : $"{exact} ({Scaled(bytes, ByteUnit.MiB)})";
    }
}
