using MemKata.Grading.Model;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Steps;

/// <summary>Turns NUnit's report of a finished test into a status and a message a learner can act on: the assertion
/// or exception message, then the frames of the learner's own files (<c>at Counter.Add() in Counter.cs:line 12</c>),
/// never the hidden tests' or the framework's frames.</summary>
internal static class TestMessages
{
    private const int MaxFrames = 3;

    /// <summary>The outcome of <paramref name="test"/> as <paramref name="finished"/> reports it.</summary>
    public static RanTest FromFinished(DiscoveredTest test, WorkerEvent finished, IReadOnlyCollection<string> learnerFiles)
    {
        var status = (finished.Status ?? "Failed").Split(':')[0] switch
        {
            "Passed" => TestStatus.Passed,
            "Skipped" or "Inconclusive" => TestStatus.Skipped,
            _ when IsNotImplemented(finished.Message) => TestStatus.NotImplemented,
            _ => TestStatus.Failed,
        };
        var message = status == TestStatus.Passed ? null : Describe(status, finished, learnerFiles);
        return new RanTest(test, status, message, finished.Output, finished.DurationMs);
    }

    // The stub's NotImplementedException, escaped from the test or caught and reported by it (a hidden test that wraps
    // the stub's exception keeps "not implemented yet" or the stub's own "See .docs/instructions.md, task N" in its
    // message: docs/EXERCISES.md).
    private static bool IsNotImplemented(string? message) =>
        message is not null
        && (message.Contains("NotImplementedException", StringComparison.Ordinal)
            || message.Contains("not implemented yet", StringComparison.OrdinalIgnoreCase)
            || message.Contains("See .docs/instructions.md, task", StringComparison.Ordinal));

    private static string Describe(TestStatus status, WorkerEvent finished, IReadOnlyCollection<string> learnerFiles)
    {
        var message = (finished.Message ?? "").Trim();
        message = message.Replace("System.NotImplementedException : ", "not implemented yet: ", StringComparison.Ordinal);
        if (message.StartsWith("System.OutOfMemoryException", StringComparison.Ordinal))
        {
            message = "out of memory: the code allocated more than the test process may have. Something allocates " +
                "without bound (a list that only grows, a loop that never ends)?";
        }

        if (status == TestStatus.Skipped)
        {
            return $"skipped: {message}";
        }

        var frames = (finished.StackTrace ?? "")
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("at ", StringComparison.Ordinal)
                && learnerFiles.Any(file => line.Contains($" in {file}:line ", StringComparison.Ordinal)))
            .Take(MaxFrames)
            .ToList();
        return frames.Count == 0 ? message : $"{message}\n{string.Join('\n', frames)}";
    }
}
