using MemKata.Engine.Performance;

namespace MemKata.Cli.Replay;

/// <summary>The reference solution's measurement on a trace, or why there is none.</summary>
/// <param name="Measurement">Its utilization and work.</param>
/// <param name="Missing">Why there is no measurement, or null.</param>
internal sealed record ReferenceNumbers(TraceMeasurement? Measurement, string? Missing);
