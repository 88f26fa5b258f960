using System.Globalization;
using System.Numerics;

namespace MemKata.Scenarios;

/// <summary>Sizes as people write them in scenarios: <c>4096</c>, <c>132 KiB</c>, <c>1.5 GiB</c>, <c>8 GB</c> (GB and
/// friends are read as powers of 1024, as <c>free</c> and most memory tools mean them), and back.</summary>
public static class ByteSize
{
    private static readonly (string Suffix, ulong Factor)[] Units =
    [
        ("TiB", 1UL << 40), ("GiB", 1UL << 30), ("MiB", 1UL << 20), ("KiB", 1UL << 10),
        ("TB", 1UL << 40), ("GB", 1UL << 30), ("MB", 1UL << 20), ("KB", 1UL << 10), ("kB", 1UL << 10),
        ("T", 1UL << 40), ("G", 1UL << 30), ("M", 1UL << 20), ("K", 1UL << 10), ("B", 1),
    ];

    /// <summary>The largest size memkata takes: 2^63 bytes (8 EiB), as for trace sizes; offsets and lengths added to an
    /// address then cannot wrap twice around 2^64.</summary>
    public const ulong MaxBytes = 1UL << 63;

    /// <summary>Parses <paramref name="text"/>; false when it is not a size or is larger than <see cref="MaxBytes"/>.</summary>
    public static bool TryParse(string text, out ulong bytes) => TryParse(text, out bytes, out _);

    /// <summary>Parses <paramref name="text"/>; false when it is not a size, or (with <paramref name="tooLarge"/> set)
    /// a size larger than <see cref="MaxBytes"/>.</summary>
    public static bool TryParse(string text, out ulong bytes, out bool tooLarge)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        tooLarge = false;
        var trimmed = text.Trim();
        var factor = 1UL;
        foreach (var (suffix, f) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                factor = f;
                trimmed = trimmed[..^suffix.Length].Trim();
                break;
            }
        }

        var point = trimmed.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? trimmed : trimmed[..point];
        var fraction = point < 0 ? "" : trimmed[(point + 1)..];
        if ((whole.Length == 0 && fraction.Length == 0) || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        // Exact arithmetic: a number of any length is either a size or "too large", never an overflow.
        var value = (whole.Length == 0 ? BigInteger.Zero : BigInteger.Parse(whole, CultureInfo.InvariantCulture)) * factor;
        if (fraction.Length > 0)
        {
            var digits = fraction.Length > 27 ? fraction[..27] : fraction;
            value += (BigInteger)decimal.Round(decimal.Parse("0." + digits, CultureInfo.InvariantCulture) * factor);
        }

        if (value > MaxBytes)
        {
            tooLarge = true;
            return false;
        }

        bytes = (ulong)value;
        return true;
    }

    /// <summary>The size in the largest binary unit that divides it exactly (<c>132 KiB</c>, <c>4096 B</c>... <c>8 GiB</c>).</summary>
    public static string Format(ulong bytes)
    {
        foreach (var (suffix, factor) in Units.Take(4))
        {
            if (bytes >= factor && bytes % factor == 0)
            {
                return (bytes / factor).ToString(CultureInfo.InvariantCulture) + " " + suffix;
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + " B";
    }
}
