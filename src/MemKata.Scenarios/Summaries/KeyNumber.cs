using MemKata.Scenarios.Wording;

namespace MemKata.Scenarios.Summaries;

/// <summary>One key number of a run (<see cref="ScenarioKeyNumbers"/>): what it is and its value, said as a phrase so
/// that a report can say it in its language.</summary>
/// <param name="Name">What the number is, in English (<c>Page faults</c>, <c>OOM kill</c>...): the reports' key for its
/// label.</param>
/// <param name="Value">The value.</param>
public sealed record KeyNumber(string Name, Phrase Value);
