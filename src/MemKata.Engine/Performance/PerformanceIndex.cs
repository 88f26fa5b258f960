using System.Globalization;
using System.Text;

namespace MemKata.Engine.Performance;

/// <summary>
/// malloclab's performance index, machine-independent: for each trace, an allocator's utilization and cost against a
/// baseline's (the reference solution's) on the same trace, and one number over all traces. Per trace,
/// <c>score = 100 × (0.6 × min(1, U / U_baseline) + 0.4 × min(1, C_baseline / C))</c>, U the utilization and C the
/// simulated cost (<see cref="CostModel"/>): malloclab's weights (utilization 60%, throughput 40%), with the baseline
/// as the mark for full credit on each half. A failed trace scores 0. The index is the mean of the trace scores, so
/// the baseline scores exactly 100 and an allocator that fails everything 0.
/// </summary>
public static class PerformanceIndex
{
    /// <summary>The share of utilization in a trace's score (malloclab's 0.6); the rest is cost.</summary>
    public const double UtilizationWeight = 0.6;

    /// <summary>One trace's score, 0 to 100.</summary>
    public static double TraceScore(TraceMeasurement yours, TraceMeasurement baseline)
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(baseline);
        if (yours.Failure is not null)
        {
            return 0;
        }

        var utilization = baseline.Utilization <= 0 ? 1 : Math.Min(1, yours.Utilization / baseline.Utilization);
        var cost = yours.Cost <= baseline.Cost ? 1 : (double)baseline.Cost / yours.Cost;
        return 100 * ((UtilizationWeight * utilization) + ((1 - UtilizationWeight) * cost));
    }

    /// <summary>The mean trace score of <paramref name="yours"/> against <paramref name="baseline"/>, trace by trace in
    /// the same order; 0 for no traces.</summary>
    public static double Overall(IReadOnlyList<TraceMeasurement> yours, IReadOnlyList<TraceMeasurement> baseline)
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(baseline);
        if (yours.Count != baseline.Count)
        {
            throw new ArgumentException($"PerformanceIndex.Overall: {yours.Count} measurements against {baseline.Count} baselines", nameof(yours));
        }

        return yours.Count == 0 ? 0 : yours.Select((m, i) => TraceScore(m, baseline[i])).Average();
    }

    /// <summary>A table, one row per trace (utilization, cost and score, each beside the baseline's) and the index.</summary>
    public static string Table(IReadOnlyList<TraceMeasurement> yours, IReadOnlyList<TraceMeasurement> baseline)
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(baseline);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{"trace",-34} {"util",6} {"(ref)",6} {"cost",12} {"(ref)",12} {"score",6}");
        for (var i = 0; i < yours.Count; i++)
        {
            var (m, b) = (yours[i], baseline[i]);
            text.AppendLine(c, $"{m.Source,-34} {m.Utilization,6:P0} {b.Utilization,6:P0} {m.Cost,12:N0} {b.Cost,12:N0} {TraceScore(m, b),6:F1}");
            if (m.Failure is not null)
            {
                text.AppendLine(c, $"  failed: {m.Failure}");
            }
        }

        text.Append(c, $"performance index {Overall(yours, baseline):F1} of 100");
        return text.ToString();
    }
}
