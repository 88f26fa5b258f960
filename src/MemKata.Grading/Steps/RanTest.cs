using MemKata.Grading.Model;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Steps;

/// <summary>A hidden test and how it ended, before scoring.</summary>
/// <param name="Test">The test as the worker listed it.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">Why it failed, for the learner.</param>
/// <param name="Output">What it printed.</param>
/// <param name="DurationMs">How long it ran.</param>
internal sealed record RanTest(DiscoveredTest Test, TestStatus Status, string? Message, string? Output, double DurationMs);
