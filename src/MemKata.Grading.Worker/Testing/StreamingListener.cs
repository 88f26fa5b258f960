using MemKata.Grading.Worker.Protocol;
using MemKata.Testing;
using NUnit.Framework.Interfaces;

namespace MemKata.Grading.Worker.Testing;

/// <summary>Turns NUnit's events into result lines: one when a test case starts, one when it finishes. Suites are not
/// reported; a failure in a fixture's set-up reaches the grader as the failure of each of its tests. While a test runs,
/// the console is the test's <see cref="ConsoleCapture"/>; its outcome goes through the <see cref="PassRule"/>; in a
/// record run its recorded snapshots go with it.</summary>
internal sealed class StreamingListener(ResultChannel channel, bool recording) : ITestListener
{
    private const int MaxText = 4000;
    private readonly ResultChannel _channel = channel;
    private readonly bool _recording = recording;
    private readonly ConsoleCapture _console = new();
    private readonly PassRule _passRule = new();

    /// <inheritdoc/>
    public void TestStarted(ITest test)
    {
        if (test.IsSuite)
        {
            return;
        }

        _channel.Send(new WorkerEvent(WorkerEventKinds.Started, FullName: test.FullName));

        // NUnit points the console at its own unbounded capture when the run starts; the test gets the bounded one.
        _console.Take();
        Console.SetOut(_console);
        Console.SetError(_console);
        _passRule.TestStarting();
    }

    /// <inheritdoc/>
    public void TestFinished(ITestResult result)
    {
        if (result.Test.IsSuite)
        {
            return;
        }

        var state = result.ResultState;
        var (status, ruling) = _passRule.Judge(state.Status, state.Label);
        var printed = _console.Take();
        _channel.Send(new WorkerEvent(
            WorkerEventKinds.Finished,
            FullName: result.Test.FullName,
            Status: status,
            Message: ruling ?? Cut(result.Message),
            StackTrace: Cut(result.StackTrace),
            Output: Join(Cut(result.Output), printed),
            DurationMs: result.Duration * 1000,
            Snapshots: _recording ? Recorded(result.Test) : null));
    }

    /// <inheritdoc/>
    public void TestOutput(TestOutput output)
    {
    }

    /// <inheritdoc/>
    public void SendMessage(TestMessage message)
    {
    }

    private static List<RecordedSnapshot> Recorded(ITest test) =>
    [
        .. test.Properties.Keys
            .Where(key => key.StartsWith(SnapshotChannel.PropertyPrefix, StringComparison.Ordinal))
            .Select(key => new RecordedSnapshot(key[SnapshotChannel.PropertyPrefix.Length..], test.Properties.Get(key) as string ?? "")),
    ];

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first.TrimEnd('\n') + "\n" + second;

    private static string? Cut(string? text) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= MaxText ? text : text[..MaxText] + "\n[... cut]";
}
