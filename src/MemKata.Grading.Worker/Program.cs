using System.Text.Json;
using MemKata.Grading.Worker.Compiling;
using MemKata.Grading.Worker.Protocol;
using MemKata.Grading.Worker.Scenarios;
using MemKata.Grading.Worker.Testing;

// The grading worker, one host for every job on learner code: reads one WorkerRequest line on standard input, then
// compiles (a session of compile jobs), runs a hidden suite (test, record), or runs a scenario with the learner's
// component (scenario). The grader starts it in the OS sandbox
// when it can, often before the job is ready (its one argument names the kind of job to come, so it can load what that
// needs while it waits), watches it from outside, and reads only the nonce-prefixed lines it writes on its real
// standard output.
if (args is [WorkerJobKinds.Test] or [WorkerJobKinds.Check])
{
    TestRun.WarmUp();
}

var request = JsonSerializer.Deserialize<WorkerRequest>(Console.In.ReadLine() ?? "null", WorkerJson.Options);
if (request is null)
{
    Console.Error.WriteLine("memkata grade-worker: expected one JSON request line on standard input.");
    return 2;
}

var channel = new ResultChannel(Console.OpenStandardOutput(), request.Nonce);
var input = Console.In;
Console.SetOut(TextWriter.Null);
Console.SetIn(TextReader.Null);
return request.Kind switch
{
    WorkerJobKinds.Compile => CompileService.Serve(request, input, channel),
    WorkerJobKinds.Test or WorkerJobKinds.Record or WorkerJobKinds.Check => TestRun.Run(request, channel),
    WorkerJobKinds.Scenario => ScenarioJob.Run(request, channel),
    WorkerJobKinds.Replay => MemKata.Grading.Worker.Replay.ReplayJob.Run(request, channel),
    _ => Unknown(request.Kind),
};

static int Unknown(string kind)
{
    Console.Error.WriteLine($"memkata grade-worker: unknown job kind '{kind}'.");
    return 2;
}
