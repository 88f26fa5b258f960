using MemKata.Cli.Commands;
using MemKata.Engine.Traces;
using MemKata.Grading.Publishing;

namespace MemKata.Cli.Traces;

/// <summary>
/// The TRACE argument of a command: a file, or the bundled tour when none is given. A trace is read as a stream, as
/// often as a command needs (once to check it whole, once to replay it), so that its length costs no memory; only the
/// commands that time a trace hold it in memory (<see cref="Load"/>), up to a number of operations they set.
/// </summary>
internal sealed class TraceInput
{
    private readonly string? _path;

    private TraceInput(string? path) => _path = path;

    /// <summary>The trace's name in messages: the path as given, or <c>tour.rep</c>.</summary>
    public string Source => _path ?? BundledTraces.TourName;

    /// <summary>True for the bundled tour.</summary>
    public bool IsBundled => _path is null;

    /// <summary>A phrase naming the trace for the reader, e.g. <c>tour.rep, the bundled tour</c>.</summary>
    public string Description => IsBundled
        ? $"{Source}, the bundled tour (no TRACE given; pass a .rep file to replay your own)"
        : Source;

    /// <summary>The file at <paramref name="path"/>, or the bundled tour when <paramref name="path"/> is null. Nothing is
    /// read yet.</summary>
    public static TraceInput From(string? path) => new(path);

    /// <summary>Opens the trace, reads its header and hands the reader to <paramref name="use"/>; closes the file
    /// afterwards. Throws <c>InputFileException</c> for a path that is not a readable regular file and
    /// <see cref="TraceFormatException"/> for a malformed trace.</summary>
    public T Read<T>(Func<TraceReader, T> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        using var text = _path is null ? BundledTraces.OpenTour() : TraceParser.Open(_path);
        return use(new TraceReader(text, Source));
    }

    /// <summary>The trace's key in a starter's table of the reference's numbers: the SHA-256 of its bytes as stored
    /// (<see cref="ReferenceTraceTable.Key"/>).</summary>
    public string Key()
    {
        using var text = _path is null ? BundledTraces.OpenTour() : TraceParser.Open(_path);
        return ReferenceTraceTable.Key(text.BaseStream);
    }

    /// <summary>The trace's whole text, as read (for a worker that parses it again, with the same line numbers).</summary>
    public string ReadText()
    {
        using var text = _path is null ? BundledTraces.OpenTour() : TraceParser.Open(_path);
        return text.ReadToEnd();
    }

    /// <summary>Reads the trace through, checking every line, and returns its header. Text after the operations the
    /// header promises is not read (CMU's convention): a one-line note on <paramref name="notes"/> (standard error) says
    /// where it starts, so that standard output stays the replay alone.</summary>
    public TraceHeader Check(TextWriter notes) => Read(reader =>
    {
        reader.ReadToEnd();
        Note(reader, notes);
        return reader.Header;
    });

    /// <summary>Reads the whole trace into memory, refusing one whose header promises more than
    /// <paramref name="maxOperations"/> operations before reading them (<paramref name="why"/> says what the limit is
    /// for). The trace's id count is the number its operations use (the largest id + 1), whatever the header declares.
    /// With <paramref name="notes"/>, text after the last operation is noted there as <see cref="Check"/> does.</summary>
    public Trace Load(int maxOperations, string why, TextWriter? notes = null) => Read(reader =>
    {
        if (reader.Header.OperationCount > maxOperations)
        {
            throw new TraceFormatException(Source, reader.HeaderLineOf(2), 1,
                $"the header promises {reader.Header.OperationCount} operations, and {why} at most {maxOperations}");
        }

        var operations = new List<TraceOperation>(Math.Min(reader.Header.OperationCount, 1 << 16));
        while (reader.TryRead(out var operation))
        {
            operations.Add(operation);
        }

        if (notes is not null)
        {
            Note(reader, notes);
        }

        var header = reader.Header;
        return new Trace(Source, header.SuggestedHeapSize, reader.MaxIdUsed + 1, header.Weight, operations);
    });

    private static void Note(TraceReader reader, TextWriter notes)
    {
        if (reader.Surplus is { } surplus)
        {
            UserErrors.Write(notes, surplus.Note);
        }
    }
}
