using System.Diagnostics;
using System.Text.Json;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Worker.Tests.Support;

/// <summary>Runs the worker executable (built next to these tests) as a child process on one request and collects the
/// events it sends with the request's nonce.</summary>
internal static class WorkerRun
{
    public static List<WorkerEvent> Run(WorkerRequest request, params string[] moreLines)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MemKata.Grading.Worker.dll"));
        using var process = Process.Start(start)!;
        process.StandardInput.WriteLine(JsonSerializer.Serialize(request, WorkerJson.Options));
        foreach (var line in moreLines)
        {
            process.StandardInput.WriteLine(line);
        }

        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var events = new List<WorkerEvent>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(request.Nonce + " ", StringComparison.Ordinal))
            {
                events.Add(JsonSerializer.Deserialize<WorkerEvent>(line[(request.Nonce.Length + 1)..], WorkerJson.Options)!);
            }
        }

        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the worker did not end");
        }

        Assert.That(stderr.Result, Is.Empty.Or.Not.Contain("Unhandled exception"), "the worker crashed");
        return events;
    }
}
