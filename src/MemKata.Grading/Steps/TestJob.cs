using System.Diagnostics;
using MemKata.Grading.Model;
using MemKata.Grading.Sandbox;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Steps;

/// <summary>
/// Step 4, one run of the test job: a worker started in the sandbox on a job folder with a hard managed-heap limit
/// (possibly ahead of time, while the submission compiles, so that its start costs nothing), then sent its request;
/// it takes the worker's nonce-prefixed result lines as they come and watches the whole process tree from outside: a
/// test running past the per-test limit, the run past its deadline, resident memory past twice the heap limit, or
/// standard output past its caps gets the tree killed. Whatever happens, <see cref="Run"/> returns what was reported
/// before the end and why the process ended, once the tree is gone.
/// </summary>
internal sealed class TestJob : IDisposable
{
    /// <summary>How many times the per-test limit a test may take in wall-clock time (waiting, not computing).</summary>
    public const int WallFactor = 3;

    /// <summary>The longest standard-output line accepted from a test worker.</summary>
    public const int LineCap = 1024 * 1024;

    /// <summary>The most standard-output bytes accepted from one test run.</summary>
    public const long RunCap = 64L * 1024 * 1024;

    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<WorkerEvent> _finished = [];
    private readonly RunningWorker _worker;
    private readonly GradingLimits _limits;
    private IReadOnlyList<DiscoveredTest>? _discovered;
    private string? _inProgress;
    private string? _workerError;
    private bool _done;
    private TimeSpan _lastEvent;
    private TimeSpan _requested;
    private TimeSpan? _discoveredAt;
    private TimeSpan? _doneAt;
    private TimeSpan _cpu;

    /// <summary>Starts a test worker on <paramref name="jobFolder"/> (which may still be empty: it is read when the
    /// request comes) under <paramref name="limits"/>.</summary>
    public TestJob(SandboxStatus sandbox, string jobFolder, GradingLimits limits)
    {
        _limits = limits;
        var launch = new WorkerLaunch(sandbox, limits.MemoryMegabytes, ProcessLimits.Tests(limits.RunTimeout), jobFolder, LineCap, RunCap);
        _worker = RunningWorker.Start(launch, WorkerJobKinds.Test, Take);
    }

    /// <summary>What one run reported.</summary>
    /// <param name="Discovered">The suite's tests, or null if the process died before listing them.</param>
    /// <param name="Finished">Finished-test events, in order.</param>
    /// <param name="InProgress">The test that had started and not finished when the process ended, if any.</param>
    /// <param name="Failure">Why the process ended before its end, or null when it completed.</param>
    /// <param name="WorkerError">The worker's own report that it could not run the suite, if it sent one.</param>
    /// <param name="Phases">Where the run's wall-clock time went.</param>
    public sealed record Result(
        IReadOnlyList<DiscoveredTest>? Discovered,
        IReadOnlyList<WorkerEvent> Finished,
        string? InProgress,
        string? Failure,
        string? WorkerError,
        RunPhases Phases);

    /// <summary>Where one run's wall-clock time went (zero for a phase it never reached).</summary>
    /// <param name="Load">From the request to the discovered tests.</param>
    /// <param name="Tests">From the discovered tests to the run's end.</param>
    /// <param name="Exit">From the run's end (or the last line) to the tree gone.</param>
    /// <param name="Cpu">The CPU time the worker's tree had used when last seen alive, its start included.</param>
    public sealed record RunPhases(TimeSpan Load, TimeSpan Tests, TimeSpan Exit, TimeSpan Cpu);

    /// <summary>Runs the suite <paramref name="suiteFileName"/> of the job folder without the tests in
    /// <paramref name="exclude"/>; <paramref name="kind"/> is <see cref="WorkerJobKinds.Test"/> or
    /// <see cref="WorkerJobKinds.Record"/>. Once only.</summary>
    public Result Run(string suiteFileName, IReadOnlyCollection<string> exclude, DateTime deadlineUtc, string kind)
    {
        lock (_gate)
        {
            _lastEvent = _clock.Elapsed;
            _requested = _lastEvent;
        }

        _worker.Begin((job, nonce) => new WorkerRequest(kind, nonce, AssemblyPath: Path.Combine(job!, suiteFileName), Exclude: [.. exclude]));
        _worker.CloseInput();
        var kill = Watch(deadlineUtc);
        _worker.Finish(TimeSpan.Zero);
        var exitCode = _worker.HasExited ? _worker.ExitCode : -1;
        var stderr = _worker.Stderr;
        lock (_gate)
        {
            var completed = _done && exitCode == 0 && kill == CrashClassifier.Kill.None;
            var failure = completed
                ? null
                : CrashClassifier.Describe(kill, _limits.TestTimeout, _limits.MemoryMegabytes, exitCode, stderr, _worker.Overflow);
            return new Result(_discovered, [.. _finished], _inProgress, failure, _workerError, Phases(_clock.Elapsed));
        }
    }

    /// <summary>Kills the worker's tree if it still runs (a job started ahead and not needed) and waits for it.</summary>
    public void Dispose() => _worker.Dispose();

    private void Take(WorkerEvent message)
    {
        lock (_gate)
        {
            _lastEvent = _clock.Elapsed;
            switch (message.Kind)
            {
                case WorkerEventKinds.Discovered:
                    _discovered ??= message.Tests ?? [];
                    _discoveredAt ??= _lastEvent;
                    break;
                case WorkerEventKinds.Started:
                    _inProgress = message.FullName;
                    break;
                case WorkerEventKinds.Finished:
                    _finished.Add(message);
                    _inProgress = null;
                    break;
                case WorkerEventKinds.Done:
                    _done = true;
                    _doneAt ??= _lastEvent;
                    break;
                case WorkerEventKinds.Error:
                    _workerError = message.Message;
                    break;
                default:
                    break;
            }
        }
    }

    private RunPhases Phases(TimeSpan gone)
    {
        var discovered = _discoveredAt ?? _lastEvent;
        var ended = _doneAt ?? _lastEvent;
        return new RunPhases(discovered - _requested, ended - discovered, gone - ended, _cpu);
    }

    // A test's time is the CPU time the process tree spends while it runs, so a loaded grading machine (a class graded
    // in parallel, a CI runner) does not turn a slow honest test into a timeout; a test that waits instead of computing
    // is caught by the wall clock, at WallFactor times the limit.
    private CrashClassifier.Kill Watch(DateTime deadlineUtc)
    {
        // Loading the suite, a fixture's set-up and JIT-compiling on a cold machine happen between tests: a wide margin.
        var quietLimit = (WallFactor * _limits.TestTimeout) + TimeSpan.FromSeconds(10);
        var memoryLimit = 2L * _limits.MemoryMegabytes * 1024 * 1024;
        var markedEvent = TimeSpan.MinValue;
        var cpuAtEvent = TimeSpan.Zero;
        while (!_worker.WaitForExit(_poll))
        {
            var reason = CrashClassifier.Kill.None;
            string? inProgress;
            TimeSpan lastEvent;
            lock (_gate)
            {
                (inProgress, lastEvent) = (_inProgress, _lastEvent);
            }

            var cpu = _worker.Tree.CpuTime();
            _cpu = TimeSpan.FromTicks(Math.Max(_cpu.Ticks, cpu.Ticks));
            if (lastEvent != markedEvent)
            {
                markedEvent = lastEvent;
                cpuAtEvent = cpu;
            }

            var quiet = _clock.Elapsed - lastEvent;
            if (_worker.Overflow is not null)
            {
                reason = CrashClassifier.Kill.Output;
            }
            else if (DateTime.UtcNow > deadlineUtc)
            {
                reason = CrashClassifier.Kill.RunTimeout;
            }
            else if (inProgress is not null && cpu - cpuAtEvent > _limits.TestTimeout)
            {
                reason = CrashClassifier.Kill.TestTimeout;
            }
            else if ((inProgress is not null && quiet > WallFactor * _limits.TestTimeout) || quiet > quietLimit)
            {
                reason = CrashClassifier.Kill.TestWallTimeout;
            }
            else if (_worker.Tree.ResidentBytes() > memoryLimit)
            {
                reason = CrashClassifier.Kill.Memory;
            }

            if (reason != CrashClassifier.Kill.None)
            {
                _worker.Kill();
                return reason;
            }
        }

        return _worker.Overflow is not null ? CrashClassifier.Kill.Output : CrashClassifier.Kill.None;
    }
}
