using System.Text.Json;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Worker.Testing;

/// <summary>The worker's line to the grader: the process's real standard output, taken before any learner code runs,
/// each line prefixed with the request's nonce. Console.Out itself is pointed elsewhere, so a learner's
/// <c>Console.WriteLine</c> can never pass for a result.</summary>
internal sealed class ResultChannel(Stream stdout, string nonce)
{
    private readonly StreamWriter _writer = new(stdout) { AutoFlush = true, NewLine = "\n" };
    private readonly string _nonce = nonce;
    private readonly Lock _gate = new();

    /// <summary>Sends <paramref name="message"/> as one line, flushed at once so it survives a crash right after.</summary>
    public void Send(WorkerEvent message)
    {
        var json = JsonSerializer.Serialize(message, WorkerJson.Options);
        lock (_gate)
        {
            _writer.Write(_nonce);
            _writer.Write(' ');
            _writer.WriteLine(json);
        }
    }
}
