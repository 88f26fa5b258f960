namespace MemKata.Reports.Html.Markup;

/// <summary>How wide a label will be at the drawings' 12px font, estimated without a font at hand (SVG has no layout):
/// a CJK character is about a full em, a Latin one a little more than half, so legends in either language space out.</summary>
internal static class TextWidth
{
    /// <summary>The estimated width of <paramref name="text"/> in pixels at 12px.</summary>
    public static double Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Sum(c => c >= 0x2E80 ? 12.5 : 6.6);
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="length"/> characters, the last one an ellipsis
    /// when it was cut (drawings show the whole text in the shape's title).</summary>
    public static string Clip(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= length ? text : text[..(length - 1)] + "…";
    }
}
