using System.Globalization;

namespace MemKata.Engine.Performance;

/// <summary>
/// A <see cref="TraceMeasurement"/> as one line of tab-separated text, the form in which the reference solution's
/// numbers are stored where it cannot run: the allocator grader's <c>performance-baseline.snap</c> and a published
/// starter's <c>traces/reference.tsv</c>. The fields, in order: the trace's name, peak payload, peak footprint,
/// accesses, bulk bytes, system calls, page faults (decimal, invariant culture) and why it failed (empty when it did
/// not). The same measurement always gives the same bytes.
/// </summary>
public static class TraceMeasurementText
{
    /// <summary>How many fields a line has.</summary>
    public const int FieldCount = 8;

    /// <summary>The measurement as one line, without its line ending.</summary>
    public static string Format(TraceMeasurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var m = measurement;
        return string.Create(CultureInfo.InvariantCulture,
            $"{m.Source}\t{m.PeakPayload}\t{m.PeakFootprint}\t{m.Work.Accesses}\t{m.Work.BulkBytes}\t{m.Work.Syscalls}\t{m.Work.PageFaults}\t{m.Failure}");
    }

    /// <summary>Reads back what <see cref="Format"/> wrote: <paramref name="fields"/> are the line's
    /// <see cref="FieldCount"/> fields. Throws <see cref="FormatException"/> for a field that is not what it should
    /// be.</summary>
    public static TraceMeasurement Parse(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count != FieldCount)
        {
            throw new FormatException($"a measurement has {FieldCount} tab-separated fields, not {fields.Count}");
        }

        return new TraceMeasurement(
            fields[0],
            ulong.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture),
            ulong.Parse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture),
            new WorkCounts(Count(fields[3]), Count(fields[4]), Count(fields[5]), Count(fields[6])),
            fields[7].Length == 0 ? null : fields[7]);
    }

    private static long Count(string field) => long.Parse(field, NumberStyles.None, CultureInfo.InvariantCulture);
}
