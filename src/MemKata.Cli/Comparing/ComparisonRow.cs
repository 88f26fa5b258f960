using MemKata.Scenarios.Comparing;

namespace MemKata.Cli.Comparing;

/// <summary>One row of two transcripts aligned side by side.</summary>
/// <param name="Kind">How the two lines relate.</param>
/// <param name="Reference">The reference's line, or null (<see cref="RowKind.OnlyYours"/>).</param>
/// <param name="Yours">The learner's line, or null (<see cref="RowKind.OnlyReference"/>).</param>
internal sealed record ComparisonRow(RowKind Kind, TranscriptLine? Reference, TranscriptLine? Yours);
