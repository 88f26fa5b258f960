using System.Text;

namespace MemKata.Grading.Sandbox;

/// <summary>
/// Reads a worker's standard output as bytes, line by line, with a cap on each line and on the whole run: a line longer
/// than <see cref="LineCap"/> or more than <see cref="RunCap"/> bytes in all stop the reading and set
/// <see cref="Overflow"/> (the owner then kills the worker), so no output, with or without newlines, can grow the
/// grader's memory past the caps. Complete lines go to the callback as UTF-8 text, in order, on the reading task. The
/// reading is asynchronous and can be abandoned: a grandchild that keeps the pipe open never blocks the grader.
/// </summary>
internal sealed class OutputChannel
{
    private readonly Stream _stream;
    private readonly Action<string> _line;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private long _total;

    /// <summary>Starts reading <paramref name="stream"/>, handing each complete line to <paramref name="line"/>.</summary>
    public OutputChannel(Stream stream, int lineCap, long runCap, Action<string> line)
    {
        _stream = stream;
        _line = line;
        LineCap = lineCap;
        RunCap = runCap;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>The longest line accepted, in bytes.</summary>
    public int LineCap { get; }

    /// <summary>The most bytes accepted in all.</summary>
    public long RunCap { get; }

    /// <summary>Why reading stopped early (a line or the whole output past its cap), or null.</summary>
    public string? Overflow { get; private set; }

    /// <summary>Waits until the stream ends (the worker and every process holding the pipe are gone), at most until
    /// <paramref name="timeout"/>; then stops reading whatever remains. True when it ended by itself.</summary>
    public bool Finish(TimeSpan timeout)
    {
        var ended = _reading.Wait(timeout);
        if (!ended)
        {
            _stop.Cancel();
            _reading.Wait(TimeSpan.FromSeconds(1));
        }

        return ended;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                _total += read;
                if (_total > RunCap)
                {
                    Overflow = $"more than {Mebibytes(RunCap)} in all";
                    return;
                }

                var start = 0;
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] != (byte)'\n')
                    {
                        continue;
                    }

                    line.Write(buffer, start, i - start);
                    if (line.Length > LineCap)
                    {
                        Overflow = $"more than {Mebibytes(LineCap)} on one line";
                        return;
                    }

                    _line(Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length));
                    line.SetLength(0);
                    start = i + 1;
                }

                line.Write(buffer, start, read - start);
                if (line.Length > LineCap)
                {
                    Overflow = $"more than {Mebibytes(LineCap)} on one line";
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Abandoned: a process outside the worker's tree still holds the pipe.
        }
        catch (IOException)
        {
            // The pipe broke: the worker is gone.
        }
        catch (ObjectDisposedException)
        {
            // The process was disposed while reading.
        }
    }

    private static string Mebibytes(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes / 1024} KiB";
}
