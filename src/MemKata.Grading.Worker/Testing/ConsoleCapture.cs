using System.Text;

namespace MemKata.Grading.Worker.Testing;

/// <summary>
/// Where learner code's <c>Console.Out</c> and <c>Console.Error</c> go while a test runs: kept up to
/// <see cref="MaxChars"/> characters, the rest only counted, so no amount of printing grows the worker's memory. What
/// it holds becomes the test's output, shown to the learner and never parsed. Any thread may write.
/// </summary>
internal sealed class ConsoleCapture : TextWriter
{
    /// <summary>How much of a test's console output is kept.</summary>
    public const int MaxChars = 8 * 1024;

    private readonly StringBuilder _kept = new();
    private readonly Lock _gate = new();
    private long _dropped;

    /// <inheritdoc/>
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        lock (_gate)
        {
            if (_kept.Length < MaxChars)
            {
                _kept.Append(value);
            }
            else
            {
                _dropped++;
            }
        }
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(new ReadOnlySpan<char>(buffer, index, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
        {
            var room = Math.Max(0, MaxChars - _kept.Length);
            var kept = Math.Min(room, buffer.Length);
            _kept.Append(buffer[..kept]);
            _dropped += buffer.Length - kept;
        }
    }

    /// <inheritdoc/>
    public override void Write(string? value) => Write(value.AsSpan());

    /// <summary>What was written since the last call, with a line saying how much was not kept; null when nothing was
    /// written. Empties the capture.</summary>
    public string? Take()
    {
        lock (_gate)
        {
            if (_kept.Length == 0 && _dropped == 0)
            {
                return null;
            }

            var text = _dropped == 0 ? _kept.ToString() : $"{_kept}\n[... {_dropped} more characters not shown]";
            _kept.Clear();
            _dropped = 0;
            return text;
        }
    }
}
