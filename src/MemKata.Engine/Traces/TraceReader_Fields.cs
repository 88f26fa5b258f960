using System.Globalization;
using MemKata.Engine.Input;

namespace MemKata.Engine.Traces;

/// <summary>The fields of one line: splitting it, and reading each field as a header number, a letter, an id or a size.</summary>
public sealed partial class TraceReader
{
    // Numbers up to this many characters are shown as they are; longer text is quoted and cut.
    private const int ShownLimit = 40;

    private readonly List<Field> _fields = new(4);

    private readonly record struct Field(string Text, int Column);

    // The white-space separated fields of a line, with their 1-based columns (as string.Split(null) splits).
    private List<Field> Fields(string line)
    {
        _fields.Clear();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i > start)
            {
                _fields.Add(new Field(line[start..i], start + 1));
            }
        }

        return _fields;
    }

    private long ParseHeaderField(Field field, int index)
    {
        var name = _headerFieldNames[index];
        var max = index == 0 ? long.MaxValue : int.MaxValue;
        if (IsNegativeNumber(field.Text))
        {
            throw Problem(field.Column, $"{name} (header field {index + 1} of 4) is {Shown(field.Text)}, but it must not be negative");
        }

        if (!IsDigits(field.Text))
        {
            throw Problem(field.Column,
                $"{name} (header field {index + 1} of 4) is {Quoted(field.Text)}, but it must be a non-negative whole number");
        }

        if (!long.TryParse(field.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
        {
            throw Problem(field.Column,
                $"{name} (header field {index + 1} of 4) is {Shown(field.Text)}, which is too large (at most {max})");
        }

        return value;
    }

    private TraceOperation ParseOperation(List<Field> fields)
    {
        var letter = fields[0];
        var kind = letter.Text switch
        {
            "a" => TraceOperationKind.Allocate,
            "r" => TraceOperationKind.Reallocate,
            "f" => TraceOperationKind.Free,
            _ => throw Problem(letter.Column,
                $"unknown operation {Quoted(letter.Text)}: a line starts with a (malloc), r (realloc) or f (free)"),
        };

        var usage = kind == TraceOperationKind.Free ? "f id" : $"{letter.Text} id size";
        var expected = kind == TraceOperationKind.Free ? 2 : 3;
        if (fields.Count < expected)
        {
            var missing = fields.Count == 1 ? (expected == 2 ? "the id is" : "the id and the size are") : "the size is";
            throw Problem(fields[^1].Column + fields[^1].Text.Length, $"'{letter.Text}' is written '{usage}', but {missing} missing");
        }

        if (fields.Count > expected)
        {
            var surplus = string.Join(' ', fields.Skip(expected).Select(f => f.Text));
            throw Problem(fields[expected].Column, $"'{letter.Text}' is written '{usage}', but the line has more: {Quoted(surplus)}");
        }

        var id = ParseId(fields[1]);
        var size = kind == TraceOperationKind.Free ? 0 : ParseSize(fields[2]);
        return new TraceOperation(kind, id, size, _lineNumber);
    }

    private int ParseId(Field field)
    {
        if (IsNegativeNumber(field.Text))
        {
            throw Problem(field.Column, $"the id {Shown(field.Text)} is negative: {IdRange()}");
        }

        if (!IsDigits(field.Text))
        {
            throw Problem(field.Column, $"the id {Quoted(field.Text)} is not a number: {IdRange()}");
        }

        if (!int.TryParse(field.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= Header.IdCount)
        {
            throw Problem(field.Column, $"the id {Shown(field.Text)} is out of range: {IdRange()}");
        }

        return id;
    }

    private ulong ParseSize(Field field)
    {
        if (IsNegativeNumber(field.Text))
        {
            throw Problem(field.Column, $"the size {Shown(field.Text)} is negative: sizes are byte counts from 0 to 2^63");
        }

        if (!IsDigits(field.Text))
        {
            throw Problem(field.Column, $"the size {Quoted(field.Text)} is not a number: sizes are byte counts from 0 to 2^63");
        }

        if (!ulong.TryParse(field.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size > TraceParser.MaxSize)
        {
            throw Problem(field.Column, $"the size {Shown(field.Text)} is too large: sizes go up to 2^63 = {TraceParser.MaxSize}");
        }

        return size;
    }

    private string IdRange() => Header.IdCount == 0
        ? $"the header (line {_headerLines[1]}) declares 0 ids, so no id is valid"
        : $"the header (line {_headerLines[1]}) declares {Header.IdCount} id{Plural(Header.IdCount)}, so ids run from 0 to {Header.IdCount - 1}";

    // A number as written (it holds only digits and a sign), unless it is too long to quote whole.
    private static string Shown(string number) => number.Length <= ShownLimit ? number : InputText.Quote(number, ShownLimit);

    // Any text, quoted, escaped and cut.
    private static string Quoted(string text) => InputText.Quote(text, ShownLimit);

    private static bool IsDigits(string field) => field.Length > 0 && field.All(char.IsAsciiDigit);

    private static bool IsNegativeNumber(string field) => field.Length > 1 && field[0] == '-' && IsDigits(field[1..]);
}
