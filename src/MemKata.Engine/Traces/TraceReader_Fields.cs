using System.Globalization;
using MemKata.Engine.Input;

namespace MemKata.Engine.Traces;

/// <summary>The fields of one line: splitting it, and reading each field as a header number, a letter, an id or a size.
/// Fields are read in place, from the line's buffer; text is copied out only to quote it in a message.</summary>
public sealed partial class TraceReader
{
    // Numbers up to this many characters are shown as they are; longer text is quoted and cut.
    private const int ShownLimit = 40;

    private readonly List<Field> _fields = new(4);

    private readonly record struct Field(int Start, int Length)
    {
        public int Column => Start + 1;
    }

    private ReadOnlySpan<char> Span(Field field) => _lines.Line.Slice(field.Start, field.Length);

    private string Text(Field field) => Span(field).ToString();

    // The white-space separated fields of the current line (as string.Split(null) splits).
    private List<Field> Fields()
    {
        _fields.Clear();
        var line = _lines.Line;
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
                _fields.Add(new Field(start, i - start));
            }
        }

        return _fields;
    }

    private long ParseHeaderField(Field field, int index)
    {
        var name = _headerFieldNames[index];
        var max = index == 0 ? long.MaxValue : int.MaxValue;
        var text = Span(field);
        if (IsNegativeNumber(text))
        {
            throw Problem(field.Column, $"{name} (header field {index + 1} of 4) is {Shown(field)}, but it must not be negative");
        }

        if (!IsDigits(text))
        {
            throw Problem(field.Column,
                $"{name} (header field {index + 1} of 4) is {Quoted(Text(field))}, but it must be a non-negative whole number");
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
        {
            throw Problem(field.Column,
                $"{name} (header field {index + 1} of 4) is {Shown(field)}, which is too large (at most {max})");
        }

        return value;
    }

    private TraceOperation ParseOperation(List<Field> fields)
    {
        var letter = Span(fields[0]);
        var kind = letter switch
        {
            "a" => TraceOperationKind.Allocate,
            "r" => TraceOperationKind.Reallocate,
            "f" => TraceOperationKind.Free,
            _ => throw Problem(fields[0].Column,
                $"unknown operation {Quoted(Text(fields[0]))}: a line starts with a (malloc), r (realloc) or f (free)"),
        };

        var expected = kind == TraceOperationKind.Free ? 2 : 3;
        if (fields.Count != expected)
        {
            throw WrongFieldCount(kind, fields, expected);
        }

        var id = ParseId(fields[1], kind);
        var size = kind == TraceOperationKind.Free ? 0 : ParseSize(fields[2]);
        return new TraceOperation(kind, id, size, _lineNumber);
    }

    private TraceFormatException WrongFieldCount(TraceOperationKind kind, List<Field> fields, int expected)
    {
        var letter = Text(fields[0]);
        var usage = kind == TraceOperationKind.Free ? "f id" : $"{letter} id size";
        if (fields.Count < expected)
        {
            var missing = fields.Count == 1 ? (expected == 2 ? "the id is" : "the id and the size are") : "the size is";
            var after = fields[^1];
            return Problem(after.Start + after.Length + 1, $"'{letter}' is written '{usage}', but {missing} missing");
        }

        var surplus = string.Join(' ', fields.Skip(expected).Select(Text));
        return Problem(fields[expected].Column, $"'{letter}' is written '{usage}', but the line has more: {Quoted(surplus)}");
    }

    // An id, or -1 for the NULL pointer where C takes a pointer (free and realloc; malloc takes none).
    private int ParseId(Field field, TraceOperationKind kind)
    {
        var text = Span(field);
        if (text is "-1")
        {
            return kind != TraceOperationKind.Allocate
                ? TraceOperation.NullId
                : throw Problem(field.Column,
                    "the id -1 stands for the NULL pointer, which free and realloc take ('f -1', 'r -1 size') but malloc " +
                    $"does not: give the new block an id ({IdRange()})");
        }

        if (IsNegativeNumber(text))
        {
            throw Problem(field.Column, $"the id {Shown(field)} is negative: {IdRange()}; only -1 is allowed, for the NULL pointer");
        }

        if (!IsDigits(text))
        {
            throw Problem(field.Column, $"the id {Quoted(Text(field))} is not a number: {IdRange()}");
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= Header.IdCount)
        {
            throw Problem(field.Column, $"the id {Shown(field)} is out of range: {IdRange()}");
        }

        return id;
    }

    private ulong ParseSize(Field field)
    {
        var text = Span(field);
        if (IsNegativeNumber(text))
        {
            throw Problem(field.Column, $"the size {Shown(field)} is negative: sizes are byte counts from 0 to 2^63");
        }

        if (!IsDigits(text))
        {
            throw Problem(field.Column, $"the size {Quoted(Text(field))} is not a number: sizes are byte counts from 0 to 2^63");
        }

        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size > TraceParser.MaxSize)
        {
            throw Problem(field.Column, $"the size {Shown(field)} is too large: sizes go up to 2^63 = {TraceParser.MaxSize}");
        }

        return size;
    }

    private string IdRange() => Header.IdCount == 0
        ? $"the header (line {_headerLines[1]}) declares 0 ids, so no id is valid"
        : $"the header (line {_headerLines[1]}) declares {Header.IdCount} id{Plural(Header.IdCount)}, so ids run from 0 to {Header.IdCount - 1}";

    // A number as written (it holds only digits and a sign), unless it is too long to quote whole.
    private string Shown(Field field) => field.Length <= ShownLimit ? Text(field) : InputText.Quote(Text(field), ShownLimit);

    // Any text, quoted, escaped and cut.
    private static string Quoted(string text) => InputText.Quote(text, ShownLimit);

    private static bool IsDigits(ReadOnlySpan<char> field) => !field.IsEmpty && !field.ContainsAnyExceptInRange('0', '9');

    private static bool IsNegativeNumber(ReadOnlySpan<char> field) => field.Length > 1 && field[0] == '-' && IsDigits(field[1..]);
}
