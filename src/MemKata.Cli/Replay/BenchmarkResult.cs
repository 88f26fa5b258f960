namespace MemKata.Cli.Replay;

/// <summary>The timing of <paramref name="Rounds"/> replays of a trace of <paramref name="OperationsPerRound"/>
/// operations: <paramref name="Elapsed"/> is the time spent in the operations alone (building each fresh process is not
/// counted).</summary>
internal sealed record BenchmarkResult(string Trace, int Rounds, int OperationsPerRound, TimeSpan Elapsed)
{
    /// <summary>Operations timed over all rounds.</summary>
    public long TimedOperations => (long)Rounds * OperationsPerRound;

    /// <summary>Mean simulated cost of one operation in nanoseconds; NaN for a trace with no operations.</summary>
    public double NanosecondsPerOperation => TimedOperations == 0 ? double.NaN : Elapsed.TotalNanoseconds / TimedOperations;

    /// <summary>Operations per second of wall-clock time; NaN when nothing measurable was timed.</summary>
    public double OperationsPerSecond => TimedOperations == 0 || Elapsed <= TimeSpan.Zero
        ? double.NaN
        : TimedOperations / Elapsed.TotalSeconds;
}
