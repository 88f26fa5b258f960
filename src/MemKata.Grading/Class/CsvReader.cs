using System.Text;

namespace MemKata.Grading.Class;

/// <summary>
/// Reads CSV as RFC 4180 writes it (what spreadsheets and LMS exports produce): fields separated by commas, a field in
/// double quotes may hold commas, line breaks and doubled quotes; <c>\r\n</c> or <c>\n</c> ends a record; a UTF-8 byte
/// order mark at the start is skipped; blank lines are skipped. A stray quote is an error naming its line and column.
/// </summary>
public static class CsvReader
{
    /// <summary>One record: its fields and the 1-based line it starts on.</summary>
    /// <param name="Line">The line the record starts on.</param>
    /// <param name="Fields">Its fields, unquoted.</param>
    public sealed record Row(int Line, IReadOnlyList<string> Fields);

    /// <summary>The records of <paramref name="text"/>; throws <see cref="GradingInputException"/> as
    /// <c>FILE:LINE:COL: problem</c> (<paramref name="path"/> naming the file) on a malformed quote.</summary>
    public static IReadOnlyList<Row> Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<Row>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, column, start) = (1, 0, 1);
        var quoted = false;
        var (openLine, openColumn) = (0, 0);
        var wasQuoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            column++;
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                    column++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                    if (c == '\n')
                    {
                        (line, column) = (line + 1, 0);
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    (openLine, openColumn) = (line, column);
                    break;
                case '"':
                    throw new GradingInputException($"{path}:{line}:{column}: a quote inside a field that does not start with one: quote the whole field and double the quote (\"\").");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    End();
                    (line, column, start) = (line + 1, 0, line + 1);
                    break;
                default:
                    if (wasQuoted)
                    {
                        throw new GradingInputException($"{path}:{line}:{column}: text after a closing quote: a quoted field ends at its quote.");
                    }

                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new GradingInputException($"{path}:{openLine}:{openColumn}: a quoted field is never closed: end it with a quote.");
        }

        End();
        return rows;

        void End()
        {
            fields.Add(field.ToString());
            field.Clear();
            wasQuoted = false;
            if (fields.Count > 1 || fields[0].Trim().Length > 0)
            {
                rows.Add(new Row(start, [.. fields]));
            }

            fields = [];
        }
    }
}
