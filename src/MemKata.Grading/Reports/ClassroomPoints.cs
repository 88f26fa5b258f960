namespace MemKata.Grading.Reports;

/// <summary>
/// Per-test points for GitHub Classroom whose sum reads as the score. Classroom's reporter adds the tests' <c>score</c>s
/// one after the other as JavaScript numbers (IEEE doubles) and prints the sum: a task of 10 points shared by 3 tests
/// gives 3.3333333333333335 each and totals like 99.99999999999999. Here the score is rounded once, at the end, to
/// cents; the cents are shared out by largest remainder (integer math, ties to the earlier test), so each test's points
/// have at most two decimals and they add up to the rounded score; and, because decimal cents are not exact in binary,
/// the last test with points absorbs the rounding so that the left-to-right double sum is exactly the rounded score
/// (that test's value may then differ from its cents by a few units in the 15th digit).
/// </summary>
public static class ClassroomPoints
{
    /// <summary>Each of <paramref name="points"/> (in order) as Classroom should read it, and their rounded total;
    /// summing the returned values left to right as doubles gives exactly the total.</summary>
    public static (IReadOnlyList<double> Points, double Total) Share(IReadOnlyList<double> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var totalCents = (long)Math.Round(points.Sum() * 100, MidpointRounding.AwayFromZero);
        var cents = points.Select(p => (long)Math.Floor(p * 100 + 1e-9)).ToArray();
        var remainders = points.Select((p, i) => (Index: i, Left: p * 100 - cents[i])).OrderByDescending(r => r.Left).ThenBy(r => r.Index).ToList();
        var missing = totalCents - cents.Sum();
        for (var k = 0; k < missing && k < remainders.Count; k++)
        {
            cents[remainders[k].Index]++;
        }

        var values = cents.Select(c => c / 100.0).ToArray();
        var total = totalCents / 100.0;
        var last = Array.FindLastIndex(values, v => v != 0);
        if (last >= 0 && Sum(values) != total)
        {
            var before = Sum(values.Take(last));
            var fixedValue = total - before;
            for (var step = 0; step < 8 && before + fixedValue != total; step++)
            {
                fixedValue = before + fixedValue < total ? Math.BitIncrement(fixedValue) : Math.BitDecrement(fixedValue);
            }

            values[last] = fixedValue;
        }

        return (values, total);
    }

    /// <summary>The sum Classroom's reporter computes: left to right, in doubles, from 0.</summary>
    public static double Sum(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Aggregate(0.0, (sum, value) => sum + value);
    }
}
