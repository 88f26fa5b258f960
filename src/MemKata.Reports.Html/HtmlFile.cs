using System.Text;

namespace MemKata.Reports.Html;

/// <summary>Writes a report to a file once, atomically: a temporary file beside it, then a rename, so a reader never
/// sees half a page. UTF-8 without a byte order mark.</summary>
public static class HtmlFile
{
    /// <summary>Writes <paramref name="html"/> to <paramref name="path"/>, creating its folder if needed.</summary>
    public static void Write(string path, string html)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(html);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, full, overwrite: true);
    }
}
