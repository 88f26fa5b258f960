using MemKata.Grading.Model;

namespace MemKata.Grading.Reports;

/// <summary>One cause shared by several failed tests: "93 tests: the size word at p - 8 says the chunk has 0 bytes".</summary>
/// <param name="Cause">The message's first line as the first test of the group wrote it (its numbers included).</param>
/// <param name="Tests">The failed tests with this cause, in task order.</param>
public sealed record FailureGroup(string Cause, IReadOnlyList<GradedTest> Tests)
{
    /// <summary>"93 tests: CAUSE", or "Task 2 · Name: CAUSE" for a group of one.</summary>
    public string Headline => Tests.Count == 1 ? $"{Feedback.TestTitle(Tests[0])}: {Cause}" : $"{Tests.Count} tests: {Cause}";
}
