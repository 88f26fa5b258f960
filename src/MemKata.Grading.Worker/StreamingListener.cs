using MemKata.Grading.Worker.Protocol;
using NUnit.Framework.Interfaces;

namespace MemKata.Grading.Worker;

/// <summary>Turns NUnit's events into result lines: one when a test case starts, one when it finishes. Suites are not
/// reported; a failure in a fixture's set-up reaches the grader as the failure of each of its tests.</summary>
internal sealed class StreamingListener(ResultChannel channel) : ITestListener
{
    private const int MaxText = 4000;
    private readonly ResultChannel _channel = channel;

    /// <inheritdoc/>
    public void TestStarted(ITest test)
    {
        if (!test.IsSuite)
        {
            _channel.Send(new WorkerEvent(WorkerEventKinds.Started, FullName: test.FullName));
        }
    }

    /// <inheritdoc/>
    public void TestFinished(ITestResult result)
    {
        if (result.Test.IsSuite)
        {
            return;
        }

        var state = result.ResultState;
        var status = string.IsNullOrEmpty(state.Label) ? state.Status.ToString() : $"{state.Status}:{state.Label}";
        _channel.Send(new WorkerEvent(
            WorkerEventKinds.Finished,
            FullName: result.Test.FullName,
            Status: status,
            Message: Cut(result.Message),
            StackTrace: Cut(result.StackTrace),
            Output: Cut(result.Output),
            DurationMs: result.Duration * 1000));
    }

    /// <inheritdoc/>
    public void TestOutput(TestOutput output)
    {
    }

    /// <inheritdoc/>
    public void SendMessage(TestMessage message)
    {
    }

    private static string? Cut(string? text) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= MaxText ? text : text[..MaxText] + "\n[... cut]";
}
