using System.Text;

namespace MemKata.Cli.Tests.Commands;

/// <summary>A writer that keeps the first <paramref name="limit"/> characters and the last 64 Ki, and counts the rest, so
/// that a run that prints millions of lines can be checked, at both ends, without holding them.</summary>
internal sealed class CappedWriter(int limit) : TextWriter
{
    private const int TailLength = 1 << 16;

    private readonly StringBuilder _kept = new();
    private readonly StringBuilder _tail = new();

    /// <summary>How many characters were written in all.</summary>
    public long Written { get; private set; }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        Written += value.Length;
        var head = Math.Min(value.Length, limit - _kept.Length);
        _kept.Append(value.AsSpan(0, head));
        _tail.Append(value.AsSpan(head));
        if (_tail.Length > 2 * TailLength)
        {
            _tail.Remove(0, _tail.Length - TailLength);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override string ToString() => _tail.Length == 0 ? _kept.ToString() : $"{_kept}\n[...]\n{_tail}";
}
