using MemKata.Engine.Input;

namespace MemKata.Engine.Traces;

/// <summary>
/// Reads a CS:APP malloclab trace (<c>.rep</c>) whole, the format <see cref="TraceWriter"/> writes:
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
/// operation per line; blank lines are allowed anywhere. Sizes are decimal byte counts up to 2^63. CMU 15-213's
/// conventions hold too: the id -1 is the NULL pointer in <c>f</c> and <c>r</c> (<see cref="TraceOperation.NullId"/>),
/// and text after the header's number of operations is not read (<see cref="TraceReader.Surplus"/>).
/// </summary>
/// <remarks>
/// The reading itself is <see cref="TraceReader"/>'s, which streams: use it directly to replay a trace of any length in
/// constant memory. It stops at the first problem, which it reports as a <see cref="TraceFormatException"/> naming the
/// line and column. It checks everything the C driver would trip over: the header, each line's letter and fields, every
/// id against the header's id count, every size, and that the file has at least the operations the header promises.
/// </remarks>
public static class TraceParser
{
    /// <summary>The largest size an operation may ask for: 2^63 bytes (glibc refuses anything above PTRDIFF_MAX anyway,
    /// which is one less: a trace may ask for 2^63 to see malloc return NULL).</summary>
    public const ulong MaxSize = 1UL << 63;

    /// <summary>
    /// Parses the trace that <paramref name="reader"/> yields; <paramref name="sourceName"/> names it in messages and
    /// becomes <see cref="Trace.Source"/>. Each operation records its 1-based line in
    /// <see cref="TraceOperation.LineNumber"/>.
    /// </summary>
    /// <exception cref="TraceFormatException">The text is not a valid trace; the exception names the first problem
    /// and its line.</exception>
    public static Trace Parse(TextReader reader, string sourceName)
    {
        var trace = new TraceReader(reader, sourceName);
        var header = trace.Header;
        var operations = new List<TraceOperation>(Math.Min(header.OperationCount, 1 << 16));
        while (trace.TryRead(out var operation))
        {
            operations.Add(operation);
        }

        return new Trace(sourceName, header.SuggestedHeapSize, header.IdCount, header.Weight, operations);
    }

    /// <summary>
    /// Parses the trace file at <paramref name="path"/>; messages name the file as <paramref name="path"/> was given.
    /// </summary>
    /// <exception cref="InputFileException">Nothing readable is at <paramref name="path"/>, or it is not a regular file
    /// (a folder, a FIFO, a device): the message says which.</exception>
    /// <exception cref="TraceFormatException">The file is not a valid trace.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Trace ParseFile(string path)
    {
        using var reader = Open(path);
        return Parse(reader, path);
    }

    /// <summary>Opens the trace file at <paramref name="path"/> for a <see cref="TraceReader"/>, refusing what is not a
    /// regular file as <see cref="ParseFile"/> does.</summary>
    /// <exception cref="InputFileException">The path names nothing readable or not a regular file.</exception>
    public static StreamReader Open(string path) => InputFile.OpenText(path, "trace", "a .rep file");
}
