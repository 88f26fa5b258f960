using System.Text;

namespace MemKata.Grading.Output;

/// <summary>
/// Writes an output file once, whole: into a temp file in the target's own folder, flushed to disk, then renamed over the
/// target (<c>rename(2)</c> replaces it in one step). A reader (Gradescope picking up <c>results.json</c>) sees the old
/// file or the new one, never a half-written one; a failure leaves the old file as it was. The grader writes every
/// output this way, after the workers' processes are gone.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes what <paramref name="write"/> writes (UTF-8, <c>\n</c> line ends, no byte order mark) as
    /// <paramref name="path"/>; throws <see cref="GradingInputException"/> naming the file when it cannot.</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteStream(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });
    }

    /// <summary>Writes <paramref name="bytes"/> as <paramref name="path"/>.</summary>
    public static void WriteBytes(string path, byte[] bytes) => WriteStream(path, stream => stream.Write(bytes));

    private static void WriteStream(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new GradingInputException($"cannot write {path}: {e.Message}", e);
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the temp file has a name no one else uses.
        }
    }
}
