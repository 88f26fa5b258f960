using MemKata.Engine.Performance;

namespace MemKata.Cli.Replay;

/// <summary>The reference solution's measurement on a trace, or why there is none.</summary>
/// <param name="Measurement">Its utilization and work.</param>
/// <param name="Missing">Why there is no measurement, or null.</param>
/// <param name="Origin">Where the measurement comes from when the reference did not run now, e.g. <c>measured when
/// this starter was published (exercises/allocator/traces/reference.tsv)</c>; null when it ran now.</param>
internal sealed record ReferenceNumbers(TraceMeasurement? Measurement, string? Missing, string? Origin = null);
