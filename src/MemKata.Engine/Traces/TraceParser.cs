using System.Globalization;

namespace MemKata.Engine.Traces;

/// <summary>
/// Reads a CS:APP malloclab trace (<c>.rep</c>), the format <see cref="TraceWriter"/> writes:
/// <code>
///   20000        suggested heap size (bytes)
///   2            number of block ids: ids run from 0 to this - 1
///   3            number of operations
///   1            weight
///   a 0 512      p[0] = malloc(512)
///   r 0 1024     p[0] = realloc(p[0], 1024)
///   f 0          free(p[0])
/// </code>
/// The four header fields are non-negative integers separated by white space (normally one per line). Then comes one
/// operation per line; blank lines are allowed anywhere. Sizes are decimal byte counts up to 2^63.
/// </summary>
/// <remarks>
/// The parser reads the whole trace and stops at the first problem, which it reports as a
/// <see cref="TraceFormatException"/> naming the line. It checks everything the C driver would trip over: the header,
/// each line's letter and fields, every id against the header's id count, every size, and that the number of operations
/// is the one the header promises.
/// </remarks>
public static class TraceParser
{
    /// <summary>The largest size an operation may ask for: 2^63 bytes (glibc refuses anything above PTRDIFF_MAX anyway,
    /// which is one less: a trace may ask for 2^63 to see malloc return NULL).</summary>
    public const ulong MaxSize = 1UL << 63;

    private static readonly string[] _headerFieldNames =
    [
        "the suggested heap size",
        "the number of ids",
        "the number of operations",
        "the weight",
    ];

    /// <summary>
    /// Parses the trace that <paramref name="reader"/> yields; <paramref name="sourceName"/> names it in messages and
    /// becomes <see cref="Trace.Source"/>. Each operation records its 1-based line in
    /// <see cref="TraceOperation.LineNumber"/>.
    /// </summary>
    /// <exception cref="TraceFormatException">The text is not a valid trace; the exception names the first problem
    /// and its line.</exception>
    public static Trace Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return new Reading(reader, sourceName).Read();
    }

    /// <summary>
    /// Parses the trace file at <paramref name="path"/>; messages name the file as <paramref name="path"/> was given.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file is at <paramref name="path"/> (or its folder does not exist);
    /// the message says which path was tried, in full.</exception>
    /// <exception cref="TraceFormatException">The file is not a valid trace.</exception>
    /// <exception cref="IOException">The path is a folder, or the file cannot be read.</exception>
    public static Trace ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new IOException($"cannot read trace '{path}': it is a folder, not a trace file (expected a .rep file)");
        }

        StreamReader reader;
        try
        {
            reader = new StreamReader(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException(
                $"cannot read trace '{path}': no such file (looked for {fullPath}); check the path and the current folder",
                fullPath,
                e);
        }

        using (reader)
        {
            return Parse(reader, path);
        }
    }

    // One pass over one trace: the line counter and the header travel together, so they live in one object.
    private sealed class Reading(TextReader reader, string source)
    {
        private readonly TextReader _reader = reader;
        private readonly string _source = source;
        private readonly long[] _header = new long[4];
        private readonly int[] _headerLines = new int[4];
        private int _lineNumber;

        private int IdCount => (int)_header[1];

        private int OperationCount => (int)_header[2];

        public Trace Read()
        {
            ReadHeader();
            var operations = new List<TraceOperation>(Math.Min(OperationCount, 1 << 20));
            while (_reader.ReadLine() is { } line)
            {
                _lineNumber++;
                var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length == 0)
                {
                    continue;
                }

                if (operations.Count == OperationCount)
                {
                    throw Problem(
                        $"one operation too many: the header (line {_headerLines[2]}) promises {OperationCount} " +
                        $"operation{Plural(OperationCount)}, and this is operation {OperationCount + 1}; " +
                        "fix the header's count or remove the surplus lines from here on");
                }

                operations.Add(ParseOperation(fields));
            }

            if (operations.Count < OperationCount)
            {
                throw new TraceFormatException(
                    _source,
                    Math.Max(_lineNumber, 1),
                    $"unexpected end of file: the header (line {_headerLines[2]}) promises {OperationCount} " +
                    $"operation{Plural(OperationCount)}, but the file has only {operations.Count}");
            }

            return new Trace(_source, _header[0], IdCount, (int)_header[3], operations);
        }

        private void ReadHeader()
        {
            var found = 0;
            while (found < _header.Length)
            {
                var line = _reader.ReadLine();
                if (line is null)
                {
                    var problem = found == 0
                        ? "the trace is empty: expected a header of 4 numbers (suggested heap size, number of ids, " +
                          "number of operations, weight), then one operation per line"
                        : $"unexpected end of file in the header: {_headerFieldNames[found]} (header field {found + 1} " +
                          $"of 4) is missing";
                    throw new TraceFormatException(_source, Math.Max(_lineNumber, 1), problem);
                }

                _lineNumber++;
                var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                foreach (var field in fields)
                {
                    if (found == _header.Length)
                    {
                        throw Problem(
                            $"unexpected '{field}' after the header's 4 fields: operations start on a line of their own");
                    }

                    _header[found] = ParseHeaderField(field, found);
                    _headerLines[found] = _lineNumber;
                    found++;
                }
            }
        }

        private long ParseHeaderField(string field, int index)
        {
            var name = _headerFieldNames[index];
            var max = index == 0 ? long.MaxValue : int.MaxValue;
            if (IsNegativeNumber(field))
            {
                throw Problem($"{name} (header field {index + 1} of 4) is {field}, but it must not be negative");
            }

            if (!IsDigits(field))
            {
                throw Problem(
                    $"{name} (header field {index + 1} of 4) is '{field}', but it must be a non-negative whole number");
            }

            if (!long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
            {
                throw Problem($"{name} (header field {index + 1} of 4) is {field}, which is too large (at most {max})");
            }

            return value;
        }

        private TraceOperation ParseOperation(string[] fields)
        {
            var letter = fields[0];
            var kind = letter switch
            {
                "a" => TraceOperationKind.Allocate,
                "r" => TraceOperationKind.Reallocate,
                "f" => TraceOperationKind.Free,
                _ => throw Problem(
                    $"unknown operation '{letter}': a line starts with a (malloc), r (realloc) or f (free)"),
            };

            var usage = kind == TraceOperationKind.Free ? "f id" : $"{letter} id size";
            var expected = kind == TraceOperationKind.Free ? 2 : 3;
            if (fields.Length < expected)
            {
                var missing = fields.Length == 1 ? (expected == 2 ? "the id is" : "the id and the size are") : "the size is";
                throw Problem($"'{letter}' is written '{usage}', but {missing} missing");
            }

            if (fields.Length > expected)
            {
                var surplus = string.Join(' ', fields[expected..]);
                throw Problem($"'{letter}' is written '{usage}', but the line has more: '{surplus}'");
            }

            var id = ParseId(fields[1]);
            var size = kind == TraceOperationKind.Free ? 0 : ParseSize(fields[2]);
            return new TraceOperation(kind, id, size, _lineNumber);
        }

        private int ParseId(string field)
        {
            if (IsNegativeNumber(field))
            {
                throw Problem($"the id {field} is negative: {IdRange()}");
            }

            if (!IsDigits(field))
            {
                throw Problem($"the id '{field}' is not a number: {IdRange()}");
            }

            if (!int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id >= IdCount)
            {
                throw Problem($"the id {field} is out of range: {IdRange()}");
            }

            return id;
        }

        private ulong ParseSize(string field)
        {
            if (IsNegativeNumber(field))
            {
                throw Problem($"the size {field} is negative: sizes are byte counts from 0 to 2^63");
            }

            if (!IsDigits(field))
            {
                throw Problem($"the size '{field}' is not a number: sizes are byte counts from 0 to 2^63");
            }

            if (!ulong.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size > MaxSize)
            {
                throw Problem($"the size {field} is too large: sizes go up to 2^63 = {MaxSize}");
            }

            return size;
        }

        private string IdRange() => IdCount == 0
            ? $"the header (line {_headerLines[1]}) declares 0 ids, so no id is valid"
            : $"the header (line {_headerLines[1]}) declares {IdCount} id{Plural(IdCount)}, so ids run from 0 to {IdCount - 1}";

        private TraceFormatException Problem(string problem) => new(_source, _lineNumber, problem);

        private static bool IsDigits(string field) => field.Length > 0 && field.All(char.IsAsciiDigit);

        private static bool IsNegativeNumber(string field) => field.Length > 1 && field[0] == '-' && IsDigits(field[1..]);

        private static string Plural(long count) => count == 1 ? string.Empty : "s";
    }
}
