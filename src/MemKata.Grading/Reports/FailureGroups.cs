using System.Text.RegularExpressions;
using MemKata.Grading.Model;

namespace MemKata.Grading.Reports;

/// <summary>
/// Groups failed tests by cause, so a report says one mistake once: the cause of a failure is the first line of its
/// message with the call it was met in (<c>malloc(100): </c>) left out and every number (decimal or hex) read as "a
/// number", so "malloc(64): the size word at p - 8 says the chunk has 0 bytes, too few for 64 bytes" and "realloc(0x0,
/// 1240): ... too few for 1240 bytes" are one cause. Tests that did not start (the stub's NotImplementedException) are
/// grouped like any other, by the stub's message. Groups come in the task order of their first test.
/// </summary>
public static partial class FailureGroups
{
    /// <summary>The failures of <paramref name="report"/> (<see cref="GradedTest.IsFailure"/>), grouped by cause.</summary>
    public static IReadOnlyList<FailureGroup> Of(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Group(report.Tests.Where(t => t.IsFailure));
    }

    /// <summary><paramref name="tests"/> grouped by cause, in the order of each group's first test.</summary>
    public static IReadOnlyList<FailureGroup> Group(IEnumerable<GradedTest> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var groups = new List<(string Key, string Cause, List<GradedTest> Tests)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var test in tests)
        {
            var cause = FirstLine(test);
            var key = $"{test.Status}|{Key(cause)}";
            if (byKey.TryGetValue(key, out var index))
            {
                groups[index].Tests.Add(test);
            }
            else
            {
                byKey[key] = groups.Count;
                groups.Add((key, cause, [test]));
            }
        }

        return [.. groups.Select(g => new FailureGroup(g.Cause, g.Tests))];
    }

    /// <summary>The grouping key of a message's first line: the leading call left out, numbers replaced by <c>#</c>.</summary>
    public static string Key(string firstLine)
    {
        ArgumentNullException.ThrowIfNull(firstLine);
        var cause = LeadingCall().Replace(firstLine, "", 1);
        return Number().Replace(cause, "#");
    }

    private static string FirstLine(GradedTest test)
    {
        var message = (test.Message ?? Feedback.StatusWord(test.Status)).Trim();
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd();
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.]*\([^()]*\):\s+")]
    private static partial Regex LeadingCall();

    [GeneratedRegex(@"0x[0-9A-Fa-f]+|\d+(\.\d+)?")]
    private static partial Regex Number();
}
