using System.Diagnostics;
using MemKata.Grading.Model;
using MemKata.Grading.Sandbox;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Steps;

/// <summary>
/// Step 4, one run of the test job: starts the worker in the sandbox on the job's compiled assemblies with a hard
/// managed-heap limit, sends it the request, takes its nonce-prefixed result lines as they come, and watches the whole
/// process tree from outside: a test running past the per-test limit, the run past its deadline, resident memory past
/// twice the heap limit, or standard output past its caps gets the tree killed. Whatever happens, returns what was
/// reported before the end and why the process ended, once the tree is gone.
/// </summary>
internal static class TestJob
{
    /// <summary>How many times the per-test limit a test may take in wall-clock time (waiting, not computing).</summary>
    public const int WallFactor = 3;

    /// <summary>The longest standard-output line accepted from a test worker.</summary>
    public const int LineCap = 1024 * 1024;

    /// <summary>The most standard-output bytes accepted from one test run.</summary>
    public const long RunCap = 64L * 1024 * 1024;

    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(20);

    /// <summary>What one run reported.</summary>
    /// <param name="Discovered">The suite's tests, or null if the process died before listing them.</param>
    /// <param name="Finished">Finished-test events, in order.</param>
    /// <param name="InProgress">The test that had started and not finished when the process ended, if any.</param>
    /// <param name="Failure">Why the process ended before its end, or null when it completed.</param>
    /// <param name="WorkerError">The worker's own report that it could not run the suite, if it sent one.</param>
    public sealed record Result(
        IReadOnlyList<DiscoveredTest>? Discovered,
        IReadOnlyList<WorkerEvent> Finished,
        string? InProgress,
        string? Failure,
        string? WorkerError);

    /// <summary>Runs the suite <paramref name="suiteFileName"/> of <paramref name="jobFolder"/> without the tests in
    /// <paramref name="exclude"/>; <paramref name="kind"/> is <see cref="WorkerJobKinds.Test"/> or
    /// <see cref="WorkerJobKinds.Record"/>.</summary>
    public static Result Run(
        SandboxStatus sandbox,
        string jobFolder,
        string suiteFileName,
        IReadOnlyCollection<string> exclude,
        GradingLimits limits,
        DateTime deadlineUtc,
        string kind)
    {
        var gate = new Lock();
        IReadOnlyList<DiscoveredTest>? discovered = null;
        var finished = new List<WorkerEvent>();
        string? inProgress = null;
        string? workerError = null;
        var done = false;
        var clock = Stopwatch.StartNew();
        var lastEvent = TimeSpan.Zero;

        var launch = new WorkerLaunch(sandbox, limits.MemoryMegabytes, ProcessLimits.Tests(limits.RunTimeout), jobFolder, LineCap, RunCap);
        using var worker = RunningWorker.Start(
            launch,
            (job, nonce) => new WorkerRequest(kind, nonce, AssemblyPath: Path.Combine(job!, suiteFileName), Exclude: [.. exclude]),
            message =>
            {
                lock (gate)
                {
                    lastEvent = clock.Elapsed;
                    switch (message.Kind)
                    {
                        case WorkerEventKinds.Discovered:
                            discovered ??= message.Tests ?? [];
                            break;
                        case WorkerEventKinds.Started:
                            inProgress = message.FullName;
                            break;
                        case WorkerEventKinds.Finished:
                            finished.Add(message);
                            inProgress = null;
                            break;
                        case WorkerEventKinds.Done:
                            done = true;
                            break;
                        case WorkerEventKinds.Error:
                            workerError = message.Message;
                            break;
                        default:
                            break;
                    }
                }
            });
        worker.CloseInput();

        var kill = Watch(worker, limits, deadlineUtc, clock, () =>
        {
            lock (gate)
            {
                return (inProgress, lastEvent);
            }
        });
        worker.Finish(TimeSpan.Zero);
        var exitCode = worker.HasExited ? worker.ExitCode : -1;
        var stderr = worker.Stderr;
        lock (gate)
        {
            var completed = done && exitCode == 0 && kill == CrashClassifier.Kill.None;
            var failure = completed
                ? null
                : CrashClassifier.Describe(kill, limits.TestTimeout, limits.MemoryMegabytes, exitCode, stderr, worker.Overflow);
            return new Result(discovered, finished, inProgress, failure, workerError);
        }
    }

    // A test's time is the CPU time the process tree spends while it runs, so a loaded grading machine (a class graded
    // in parallel, a CI runner) does not turn a slow honest test into a timeout; a test that waits instead of computing
    // is caught by the wall clock, at WallFactor times the limit.
    private static CrashClassifier.Kill Watch(
        RunningWorker worker,
        GradingLimits limits,
        DateTime deadlineUtc,
        Stopwatch clock,
        Func<(string? InProgress, TimeSpan LastEvent)> state)
    {
        // Loading the suite, a fixture's set-up and JIT-compiling on a cold machine happen between tests: a wide margin.
        var quietLimit = (WallFactor * limits.TestTimeout) + TimeSpan.FromSeconds(10);
        var memoryLimit = 2L * limits.MemoryMegabytes * 1024 * 1024;
        var markedEvent = TimeSpan.MinValue;
        var cpuAtEvent = TimeSpan.Zero;
        while (!worker.WaitForExit(_poll))
        {
            var reason = CrashClassifier.Kill.None;
            var current = state();
            var cpu = worker.Tree.CpuTime();
            if (current.LastEvent != markedEvent)
            {
                markedEvent = current.LastEvent;
                cpuAtEvent = cpu;
            }

            var quiet = clock.Elapsed - current.LastEvent;
            if (worker.Overflow is not null)
            {
                reason = CrashClassifier.Kill.Output;
            }
            else if (DateTime.UtcNow > deadlineUtc)
            {
                reason = CrashClassifier.Kill.RunTimeout;
            }
            else if (current.InProgress is not null && cpu - cpuAtEvent > limits.TestTimeout)
            {
                reason = CrashClassifier.Kill.TestTimeout;
            }
            else if ((current.InProgress is not null && quiet > WallFactor * limits.TestTimeout) || quiet > quietLimit)
            {
                reason = CrashClassifier.Kill.TestWallTimeout;
            }
            else if (worker.Tree.ResidentBytes() > memoryLimit)
            {
                reason = CrashClassifier.Kill.Memory;
            }

            if (reason != CrashClassifier.Kill.None)
            {
                worker.Kill();
                return reason;
            }
        }

        return worker.Overflow is not null ? CrashClassifier.Kill.Output : CrashClassifier.Kill.None;
    }
}
