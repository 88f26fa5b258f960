using MemKata.Engine.Input;

namespace MemKata.Engine.Traces;

/// <summary>
/// Reads a CS:APP malloclab trace (<c>.rep</c>) as a stream: the header when it is created, then one operation per
/// <see cref="TryRead"/>, checking each as it comes, so that a trace of any length is read in constant memory (one line
/// at a time, and lines are at most <see cref="MaxLineLength"/> characters). The format is described on
/// <see cref="TraceParser"/>. The first problem is thrown as a <see cref="TraceFormatException"/> naming the line and
/// column, quoting at most a few dozen characters of the offending text, with control characters escaped.
/// </summary>
public sealed partial class TraceReader
{
    /// <summary>The longest line a trace may have. A valid line is a letter and one or two numbers (at most about 35
    /// characters); this leaves room for any spacing and still keeps a file without line breaks from filling memory.</summary>
    public const int MaxLineLength = 4096;

    private static readonly string[] _headerFieldNames =
    [
        "the suggested heap size",
        "the number of ids",
        "the number of operations",
        "the weight",
    ];

    private readonly TraceLineReader _lines;
    private readonly string _source;
    private readonly int[] _headerLines = new int[4];
    private int _lineNumber;
    private bool _finished;

    /// <summary>Reads the header of the trace that <paramref name="reader"/> yields; <paramref name="source"/> names the
    /// trace in messages.</summary>
    /// <exception cref="TraceFormatException">The header is missing or malformed.</exception>
    public TraceReader(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        _lines = new TraceLineReader(reader, MaxLineLength);
        _source = source;
        Header = ReadHeader();
    }

    /// <summary>The trace's name in messages.</summary>
    public string Source => _source;

    /// <summary>The header.</summary>
    public TraceHeader Header { get; }

    /// <summary>The line on which header field <paramref name="field"/> (0 to 3: heap size, ids, operations, weight) was
    /// written.</summary>
    public int HeaderLineOf(int field) => _headerLines[field];

    /// <summary>How many operations have been read.</summary>
    public int OperationsRead { get; private set; }

    /// <summary>The largest block id among the operations read so far; -1 before the first.</summary>
    public int MaxIdUsed { get; private set; } = -1;

    /// <summary>Text found after the last operation the header promises, which was not read; null when there is none or
    /// the reader has not got there yet.</summary>
    public TraceSurplus? Surplus { get; private set; }

    /// <summary>Reads the next operation into <paramref name="operation"/>; false at the end of the trace: at the end of
    /// the file, or at the first text after the operations the header promises (which is not read, as CMU's mdriver
    /// does not read it: <see cref="Surplus"/> says where it starts).</summary>
    /// <exception cref="TraceFormatException">The operation is malformed, or the file has fewer operations than the
    /// header promises.</exception>
    public bool TryRead(out TraceOperation operation)
    {
        operation = default;
        if (_finished)
        {
            return false;
        }

        while (OperationsRead < Header.OperationCount && NextLine())
        {
            var fields = Fields();
            if (fields.Count == 0)
            {
                continue;
            }

            operation = ParseOperation(fields);
            OperationsRead++;
            MaxIdUsed = Math.Max(MaxIdUsed, operation.Id);
            return true;
        }

        _finished = true;
        if (OperationsRead == Header.OperationCount)
        {
            FindSurplus();
        }
        else
        {
            throw new TraceFormatException(
                _source,
                Math.Max(_lineNumber, 1),
                1,
                $"unexpected end of file: the header (line {_headerLines[2]}) promises {Header.OperationCount} " +
                $"operation{Plural(Header.OperationCount)}, but the file has only {OperationsRead}");
        }

        return false;
    }

    /// <summary>Reads every remaining operation, checking each, and returns how many there were in all.</summary>
    public int ReadToEnd()
    {
        while (TryRead(out _))
        {
        }

        return OperationsRead;
    }

    private TraceHeader ReadHeader()
    {
        var values = new long[4];
        var found = 0;
        while (found < values.Length)
        {
            if (!NextLine())
            {
                var problem = found == 0
                    ? "the trace is empty: expected a header of 4 numbers (suggested heap size, number of ids, " +
                      "number of operations, weight), then one operation per line"
                    : $"unexpected end of file in the header: {_headerFieldNames[found]} (header field {found + 1} " +
                      "of 4) is missing";
                throw new TraceFormatException(_source, Math.Max(_lineNumber, 1), 1, problem);
            }

            foreach (var field in Fields())
            {
                if (found == values.Length)
                {
                    throw Problem(field.Column,
                        $"unexpected {Quoted(Text(field))} after the header's 4 fields: operations start on a line of their own");
                }

                values[found] = ParseHeaderField(field, found);
                _headerLines[found] = _lineNumber;
                found++;
            }
        }

        return new TraceHeader(values[0], (int)values[1], (int)values[2], (int)values[3]);
    }

    // The operations the header promises are all read: the driver stops reading here, and so does this reader. What
    // follows is only looked at for its first line that is not blank, whatever it holds (binary data, a long line).
    private void FindSurplus()
    {
        while (_lines.ReadLine(out var tooLong))
        {
            _lineNumber++;
            if (tooLong || !_lines.Line.IsWhiteSpace())
            {
                Surplus = new TraceSurplus(_source, _lineNumber, Header.OperationCount, _headerLines[2]);
                return;
            }
        }
    }

    // False at the end of the text. A line longer than MaxLineLength, or holding binary data, stops the reading here.
    private bool NextLine()
    {
        if (!_lines.ReadLine(out var tooLong))
        {
            return false;
        }

        _lineNumber++;
        var line = _lines.Line;
        if (tooLong)
        {
            throw Problem(1,
                $"this line is longer than {MaxLineLength} characters ({InputText.Quote(line.ToString(), 24)}); a trace " +
                "line is a letter and one or two numbers: is this a trace file?");
        }

        var binary = line.IndexOfAny('\0', '\uFFFD');
        if (binary >= 0)
        {
            throw Problem(binary + 1,
                $"this line holds binary data ({(line[binary] == '\0' ? "a NUL byte" : "bytes that are not UTF-8 text")}): " +
                "a trace is a text file of numbers and the letters a, r and f; is this a trace file?");
        }

        return true;
    }

    private TraceFormatException Problem(int column, string problem) => new(_source, _lineNumber, column, problem);

    private static string Plural(long count) => count == 1 ? string.Empty : "s";
}
