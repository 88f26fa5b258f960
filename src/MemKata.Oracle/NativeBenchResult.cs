namespace MemKata.Oracle;

/// <summary>What <c>glibc-replay --bench</c> measured: the wall time of the timed rounds (the warm-up round excluded) and
/// the operations they ran (rounds × the trace's operation count; the frees of blocks still live at the end of each
/// round are timed but not counted).</summary>
/// <param name="TotalNanoseconds">Monotonic-clock nanoseconds for all timed rounds.</param>
/// <param name="Operations">Trace operations run in the timed rounds.</param>
public readonly record struct NativeBenchResult(long TotalNanoseconds, long Operations)
{
    /// <summary>Nanoseconds per operation (0 when no operation ran).</summary>
    public double NanosecondsPerOperation => Operations == 0 ? 0 : (double)TotalNanoseconds / Operations;
}
