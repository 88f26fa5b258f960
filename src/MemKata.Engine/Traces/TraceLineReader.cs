namespace MemKata.Engine.Traces;

/// <summary>
/// Reads a trace's lines one at a time into a buffer of its own, never holding more than
/// <see cref="TraceReader.MaxLineLength"/> characters of one: a file with no line break at all (a binary file, a 200 MB
/// token) costs a few kilobytes, not its size, and a line costs no allocation. Lines end at <c>\n</c>, <c>\r\n</c> or
/// <c>\r</c>, as <see cref="TextReader.ReadLine"/> sees them.
/// </summary>
internal sealed class TraceLineReader(TextReader reader, int maxLength)
{
    private readonly TextReader _reader = reader;
    private readonly int _maxLength = maxLength;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly char[] _line = new char[maxLength];
    private int _position;
    private int _length;
    private int _lineLength;
    private bool _skipLineFeed;

    /// <summary>The line read last, without its ending (valid until the next <see cref="ReadLine"/>).</summary>
    public ReadOnlySpan<char> Line => _line.AsSpan(0, _lineLength);

    /// <summary>Reads the next line into <see cref="Line"/>; false at the end of the text. <paramref name="tooLong"/> is
    /// set when the line has more than the maximum: <see cref="Line"/> then holds its first characters only, and the
    /// caller reports the line, it does not read on.</summary>
    public bool ReadLine(out bool tooLong)
    {
        tooLong = false;
        _lineLength = 0;
        var sawAny = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = _reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    return sawAny;
                }
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_position] == '\n')
                {
                    _position++;
                    continue;
                }
            }

            sawAny = true;
            var rest = _buffer.AsSpan(_position, _length - _position);
            var end = rest.IndexOfAny('\n', '\r');
            var take = end < 0 ? rest.Length : end;
            if (_lineLength + take > _maxLength)
            {
                rest[..(_maxLength - _lineLength)].CopyTo(_line.AsSpan(_lineLength));
                _lineLength = _maxLength;
                tooLong = true;
                return true;
            }

            rest[..take].CopyTo(_line.AsSpan(_lineLength));
            _lineLength += take;
            _position += take;
            if (end >= 0)
            {
                _skipLineFeed = _buffer[_position] == '\r';
                _position++;
                return true;
            }
        }
    }
}
