using System.Text;

namespace MemKata.Cli.Tests.Support;

/// <summary>Standard output for a command that runs until cancelled (<c>check --watch</c>): any thread may write, and a
/// test waits until a line starting with a given text has been written a number of times.</summary>
internal sealed class WatchedOutput(string marker) : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _marks = new(0);
    private readonly string _marker = marker;

    /// <inheritdoc/>
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        var marked = false;
        lock (_gate)
        {
            _text.Append(value);
            if (value != '\n')
            {
                _line.Append(value);
                return;
            }

            marked = _line.ToString().StartsWith(_marker, StringComparison.Ordinal);
            _line.Clear();
        }

        if (marked)
        {
            _marks.Release();
        }
    }

    /// <summary>Waits for the next line starting with the marker; false when none came within
    /// <paramref name="giveUp"/> (a guard against hanging, not a measure of speed).</summary>
    public bool WaitForMark(TimeSpan giveUp) => _marks.Wait(giveUp);

    /// <inheritdoc/>
    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _marks.Dispose();
        }

        base.Dispose(disposing);
    }
}
