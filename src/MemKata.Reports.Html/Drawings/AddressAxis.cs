namespace MemKata.Reports.Html.Drawings;

/// <summary>
/// The horizontal axis of the heap picture, as villoc draws glibc heaps: every address where some chunk (or its header,
/// or the break) starts or ends in any strip is a boundary, and each interval between two boundaries gets a width that
/// grows with the logarithm of its length, so a 16-byte header and an 8 GiB mapping are both visible and every strip
/// lines up with the others. An interval no chunk covers in any strip (the gap between the heap and the mmap area) is a
/// break of the axis: a narrow band, drawn as such.
/// </summary>
internal sealed class AddressAxis
{
    /// <summary>Width of a break in the axis, before scaling.</summary>
    private const double GapWidth = 14;

    private readonly ulong[] _bounds;
    private readonly double[] _x;
    private readonly bool[] _gap;

    /// <summary>An axis over <paramref name="ranges"/> (start, end) drawn <paramref name="width"/> wide from
    /// <paramref name="left"/>; <paramref name="points"/> are extra boundaries (the break).</summary>
    public AddressAxis(IReadOnlyCollection<(ulong Start, ulong End)> ranges, IEnumerable<ulong> points, double left, double width)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        _bounds = [.. ranges.SelectMany(r => new[] { r.Start, r.End }).Concat(points).Distinct().Order()];
        var intervals = Math.Max(0, _bounds.Length - 1);
        _gap = new bool[intervals];
        var widths = new double[intervals];
        var covered = Covered(ranges, intervals);
        for (var i = 0; i < intervals; i++)
        {
            _gap[i] = !covered[i];
            var length = (double)(_bounds[i + 1] - _bounds[i]);
            widths[i] = _gap[i] ? GapWidth : 3 + (2.2 * Math.Log2(1 + (length / 16)));
        }

        var scale = intervals == 0 ? 1 : width / widths.Sum();
        _x = new double[_bounds.Length];
        _x[0] = left;
        for (var i = 0; i < intervals; i++)
        {
            _x[i + 1] = _x[i] + (widths[i] * scale);
        }

        Left = left;
        Right = left + width;
    }

    /// <summary>Where the axis starts.</summary>
    public double Left { get; }

    /// <summary>Where the axis ends.</summary>
    public double Right { get; }

    /// <summary>The breaks of the axis, as (x from, x to, bytes skipped).</summary>
    public IEnumerable<(double From, double To, ulong Bytes)> Gaps()
    {
        for (var i = 0; i < _gap.Length; i++)
        {
            if (_gap[i])
            {
                yield return (_x[i], _x[i + 1], _bounds[i + 1] - _bounds[i]);
            }
        }
    }

    /// <summary>The x of <paramref name="address"/>, a boundary or between two (then in proportion).</summary>
    public double X(ulong address)
    {
        if (_bounds.Length == 0)
        {
            return Left;
        }

        var i = Array.BinarySearch(_bounds, address);
        if (i >= 0)
        {
            return _x[i];
        }

        var next = ~i;
        if (next == 0)
        {
            return _x[0];
        }

        if (next >= _bounds.Length)
        {
            return _x[^1];
        }

        var fraction = (double)(address - _bounds[next - 1]) / (_bounds[next] - _bounds[next - 1]);
        return _x[next - 1] + (fraction * (_x[next] - _x[next - 1]));
    }

    // Which intervals some range covers: a sweep over the sorted range starts and ends.
    private bool[] Covered(IReadOnlyCollection<(ulong Start, ulong End)> ranges, int intervals)
    {
        var delta = new int[_bounds.Length];
        foreach (var (start, end) in ranges)
        {
            if (end > start)
            {
                delta[Array.BinarySearch(_bounds, start)]++;
                delta[Array.BinarySearch(_bounds, end)]--;
            }
        }

        var covered = new bool[intervals];
        var depth = 0;
        for (var i = 0; i < intervals; i++)
        {
            depth += delta[i];
            covered[i] = depth > 0;
        }

        return covered;
    }
}
