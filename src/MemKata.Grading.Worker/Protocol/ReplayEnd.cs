using MemKata.Engine.Performance;
using MemKata.Engine.Traces;

namespace MemKata.Grading.Worker.Protocol;

/// <summary>How a replay job ended, sent with its <see cref="WorkerEventKinds.Done"/>: what the replay did, whether the
/// process died, the first heap rule the allocator broke, and its utilization and simulated cost on the trace.</summary>
/// <param name="Summary">What the operations that ran did (system calls, peaks, final mappings).</param>
/// <param name="Crash">The process's death (an abort, a segmentation fault), or null.</param>
/// <param name="Measurement">Utilization and work, as the performance index measures them; failed when a rule broke,
/// the process died or the allocator threw.</param>
/// <param name="RuleBroken">The first heap rule broken, naming its operation and trace line, or null.</param>
/// <param name="RuleBrokenAt">The 0-based index of that operation, or -1.</param>
/// <param name="Stop">The exception that stopped the replay, or null.</param>
public sealed record ReplayEnd(
    ReplaySummary Summary, ReplayCrash? Crash, TraceMeasurement Measurement, string? RuleBroken, int RuleBrokenAt, ReplayStop? Stop);
