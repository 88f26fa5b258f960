using System.Text;

namespace MemKata.Engine.Traces;

/// <summary>
/// Reads a trace's lines one at a time, never holding more than <see cref="TraceReader.MaxLineLength"/> characters of
/// one: a file with no line break at all (a binary file, a 200 MB token) costs a few kilobytes, not its size. Lines end
/// at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as <see cref="TextReader.ReadLine"/> sees them.
/// </summary>
internal sealed class TraceLineReader(TextReader reader, int maxLength)
{
    private readonly TextReader _reader = reader;
    private readonly int _maxLength = maxLength;
    private readonly char[] _buffer = new char[1 << 14];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;
    private bool _skipLineFeed;

    /// <summary>The next line without its ending, or null at the end of the text. <paramref name="tooLong"/> is set when
    /// the line has more than the maximum: the line then holds its first characters only, and reading stops there (the
    /// caller reports the line, it does not read on).</summary>
    public string? ReadLine(out bool tooLong)
    {
        tooLong = false;
        _line.Clear();
        var sawAny = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = _reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    return sawAny ? _line.ToString() : null;
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
            var start = _position;
            while (_position < _length && _buffer[_position] is not ('\n' or '\r'))
            {
                _position++;
            }

            _line.Append(_buffer, start, _position - start);
            if (_line.Length > _maxLength)
            {
                tooLong = true;
                return _line.ToString(0, _maxLength);
            }

            if (_position < _length)
            {
                _skipLineFeed = _buffer[_position] == '\r';
                _position++;
                return _line.ToString();
            }
        }
    }
}
