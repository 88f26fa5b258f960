using System.Globalization;

namespace MemKata.Reports.Html.Markup;

/// <summary>Escaping and number formatting for the report's HTML and SVG: invariant culture, no exponent, at most two
/// decimals, so that the same input gives the same bytes on every machine.</summary>
internal static class HtmlText
{
    /// <summary><paramref name="text"/> escaped for element content and double-quoted attribute values.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);
    }

    /// <summary>A coordinate or length: at most two decimals, invariant, "-0" written as "0".</summary>
    public static string Number(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>A whole number, invariant.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An id fit for an HTML id attribute: letters, digits and dashes.</summary>
    public static string Id(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray();
        return new string(chars).Trim('-');
    }
}
