using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using MemKata.Grading.Worker.Protocol;
using MemKata.Testing;
using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Internal;

namespace MemKata.Grading.Worker.Testing;

/// <summary>The test, record and check jobs: loads the compiled hidden suite, runs it with NUnit's framework API and streams
/// one result line per test. Learner code runs in this process only; the grader watches it from outside (time,
/// memory, output, crashes) and trusts nothing but nonce-prefixed lines.</summary>
internal static class TestRun
{
    /// <summary>While the worker waits for its request, loads and compiles (JIT) on another thread what every run
    /// needs first: the result serializer and NUnit's runner.</summary>
    public static void WarmUp() => new Thread(() =>
    {
        _ = JsonSerializer.Serialize(new WorkerEvent(WorkerEventKinds.Finished, [new DiscoveredTest("a", "a", 1, [])]), WorkerJson.Options);
        _ = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
    })
    { IsBackground = true, Priority = ThreadPriority.BelowNormal }.Start();

    /// <summary>Runs the suite of <paramref name="request"/>; returns the process's exit code.</summary>
    public static int Run(WorkerRequest request, ResultChannel channel)
    {
        var suitePath = Path.GetFullPath(request.AssemblyPath ?? "");
        var suiteDirectory = Path.GetDirectoryName(suitePath)!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(suiteDirectory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };

        Assembly suite;
        try
        {
            suite = AssemblyLoadContext.Default.LoadFromAssemblyPath(suitePath);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException)
        {
            channel.Send(new WorkerEvent(WorkerEventKinds.Error, Message: $"cannot load {request.AssemblyPath}: {e.Message}"));
            return 3;
        }

        if (request.Kind == WorkerJobKinds.Check)
        {
            Directory.SetCurrentDirectory(suiteDirectory);
        }

        var recording = request.Kind == WorkerJobKinds.Record;
        var settings = new Dictionary<string, object>
        {
            [FrameworkPackageSettings.NumberOfTestWorkers] = 0,

            // Events on the test's own thread, not queued to a pump thread: a result is on the pipe before the next test
            // starts, so a process that dies (Environment.Exit, FailFast, stack overflow) never takes an earlier result
            // with it.
            [FrameworkPackageSettings.SynchronousEvents] = true,
            [FrameworkPackageSettings.WorkDirectory] = Path.GetTempPath(),
            [FrameworkPackageSettings.RandomSeed] = 20261125,
            [FrameworkPackageSettings.TestParametersDictionary] = new Dictionary<string, string>
            {
                [SnapshotChannel.ModeParameter] = recording ? SnapshotChannel.RecordMode : "compare",
            },
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
        runner.Run(new StreamingListener(channel, recording), new ExcludeFilter((request.Exclude ?? []).ToHashSet(StringComparer.Ordinal)));
        channel.Send(new WorkerEvent(WorkerEventKinds.Done));
        return 0;
    }
}
