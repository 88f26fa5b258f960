using System.Globalization;
using System.Text;

namespace MemKata.Engine.Input;

/// <summary>
/// User input as an error message may show it: quoted, every character a terminal would act on escaped (control
/// characters, escape sequences, bidirectional overrides, invisible format characters), and cut to a few dozen
/// characters, so that a message about a binary file or a 200 MB token is still one short, harmless line.
/// </summary>
public static class InputText
{
    /// <summary>How many characters of user input a message quotes at most, by default.</summary>
    public const int DefaultLimit = 60;

    /// <summary>
    /// <paramref name="text"/> between single quotes, escaped as <see cref="Escape"/> does and cut after
    /// <paramref name="limit"/> characters with a note saying how many more there were, e.g.
    /// <c>'abc\x1b[2J' </c> or <c>'aaaa... (199999990 more characters)'</c>.
    /// </summary>
    public static string Quote(string text, int limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return text.Length <= limit
            ? $"'{Escape(text)}'"
            : string.Create(CultureInfo.InvariantCulture, $"'{Escape(text[..limit])}...' ({text.Length - limit} more characters)");
    }

    /// <summary>
    /// <paramref name="text"/> with every character a terminal could act on written as an escape, as C writes it:
    /// <c>\t</c>, <c>\r</c>, <c>\n</c>, <c>\xNN</c> for the other ASCII control characters and DEL, <c>\u{NNNN}</c> for
    /// C1 controls, format characters (bidirectional overrides, zero-width characters), line and paragraph separators,
    /// unpaired surrogates and U+FFFD (what invalid UTF-8 decodes to). A backslash stays as it is. Text without such a
    /// character is returned unchanged.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }

            if (!IsUnsafe(c))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append(c switch
            {
                '\t' => @"\t",
                '\r' => @"\r",
                '\n' => @"\n",
                < '\u0080' => string.Create(CultureInfo.InvariantCulture, $@"\x{(int)c:x2}"),
                _ => string.Create(CultureInfo.InvariantCulture, $@"\u{{{(int)c:X4}}}"),
            });
        }

        return escaped.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds a character that <see cref="Escape"/> would escape.</summary>
    public static bool HasUnsafeCharacters(string text) => FirstUnsafe(text) >= 0;

    /// <summary>The index of the first character in <paramref name="text"/> that <see cref="Escape"/> would escape, or
    /// -1; with <paramref name="allowTabsAndLineBreaks"/>, tabs, <c>\r</c> and <c>\n</c> are not counted (text files
    /// have them).</summary>
    public static int IndexOfUnsafe(string text, bool allowTabsAndLineBreaks = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FirstUnsafe(text, allowTabsAndLineBreaks);
    }

    private static int FirstUnsafe(string text, bool allowTabsAndLineBreaks = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (allowTabsAndLineBreaks && c is '\t' or '\r' or '\n')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsUnsafe(c))
            {
                return i;
            }
        }

        return -1;
    }

    // A paired surrogate never gets here; a lone one does and is unsafe (a terminal shows garbage for it).
    private static bool IsUnsafe(char c) => c switch
    {
        < ' ' or '\u007f' => true,
        < '\u0080' => false,
        '\uFFFD' => true,
        _ => char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control
            or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator,
    };
}
