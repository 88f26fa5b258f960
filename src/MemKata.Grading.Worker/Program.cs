using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using MemKata.Grading.Worker;
using MemKata.Grading.Worker.Protocol;
using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Internal;

// The grading worker: reads one WorkerRequest line on standard input, runs that suite with NUnit's framework API and
// streams one result line per test on standard output. Learner code runs in this process only; the grader watches it
// from outside (time, memory, crashes) and never trusts anything but nonce-prefixed lines.
var request = JsonSerializer.Deserialize<WorkerRequest>(Console.In.ReadLine() ?? "null", WorkerJson.Options);
if (request is null)
{
    Console.Error.WriteLine("memkata grade-worker: expected one JSON request line on standard input.");
    return 2;
}

var channel = new ResultChannel(Console.OpenStandardOutput(), request.Nonce);
Console.SetOut(TextWriter.Null);
Console.SetIn(TextReader.Null);

var suiteDirectory = Path.GetDirectoryName(Path.GetFullPath(request.AssemblyPath))!;
AssemblyLoadContext.Default.Resolving += (context, name) =>
{
    var candidate = Path.Combine(suiteDirectory, name.Name + ".dll");
    return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
};

Assembly suite;
try
{
    suite = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(request.AssemblyPath));
}
catch (Exception e) when (e is IOException or BadImageFormatException)
{
    channel.Send(new WorkerEvent(WorkerEventKinds.Error, Message: $"cannot load {request.AssemblyPath}: {e.Message}"));
    return 3;
}

var settings = new Dictionary<string, object>
{
    [FrameworkPackageSettings.NumberOfTestWorkers] = 0,

    // Events on the test's own thread, not queued to a pump thread: a result is on the pipe before the next test starts,
    // so a process that dies (Environment.Exit, FailFast, stack overflow) never takes an earlier result with it.
    [FrameworkPackageSettings.SynchronousEvents] = true,
    [FrameworkPackageSettings.WorkDirectory] = suiteDirectory,
    [FrameworkPackageSettings.RandomSeed] = 20261125,
};
var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
var root = runner.Load(suite, settings);
if (root.RunState == NUnit.Framework.Interfaces.RunState.NotRunnable)
{
    var reason = root.Properties.Get(PropertyNames.SkipReason) as string ?? "NUnit could not load the suite";
    channel.Send(new WorkerEvent(WorkerEventKinds.Error, Message: reason));
    return 3;
}

channel.Send(new WorkerEvent(WorkerEventKinds.Discovered, Tests: TestCatalog.List(root)));
runner.Run(new StreamingListener(channel), new ExcludeFilter(request.Exclude.ToHashSet(StringComparer.Ordinal)));
channel.Send(new WorkerEvent(WorkerEventKinds.Done));
return 0;
