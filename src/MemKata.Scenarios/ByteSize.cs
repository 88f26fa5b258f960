using System.Globalization;

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

    /// <summary>Parses <paramref name="text"/>; false when it is not a size.</summary>
    public static bool TryParse(string text, out ulong bytes)
    {
        bytes = 0;
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

        if (ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            bytes = checked(whole * factor);
            return true;
        }

        if (decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction) && fraction >= 0)
        {
            bytes = (ulong)decimal.Round(fraction * factor);
            return true;
        }

        return false;
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
