namespace MemKata.Reports.Html.Pages;

/// <summary>The report's style sheet (Resources/report.css), embedded and inlined into every page.</summary>
internal static class StyleSheet
{
    /// <summary>The CSS text, with LF line ends.</summary>
    public static string Text { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(StyleSheet).Assembly.GetManifestResourceStream("MemKata.Reports.Html.report.css")
            ?? throw new InvalidOperationException("StyleSheet: report.css is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
