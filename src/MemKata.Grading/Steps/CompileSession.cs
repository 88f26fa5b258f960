using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MemKata.Grading.Model;
using MemKata.Grading.Sandbox;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Steps;

/// <summary>
/// Step 2 from the grader's side: a compile session in a worker process, sandboxed like the tests, kept across the
/// submissions of one <see cref="Grader"/> so that a warm grading compiles in a fraction of a second. Each job has a
/// wall-clock limit (<see cref="GradingLimits.CompileTimeout"/>, timed from when the session is ready) and the worker a
/// memory limit (the GC's hard heap limit, and its resident
/// memory watched): a compile-time bomb ends the session, the submission gets "your code took too long to compile",
/// and the next submission starts a new session. The grader itself never runs Roslyn on learner code. One job at a time.
/// </summary>
internal sealed class CompileSession : IDisposable
{
    /// <summary>The compile worker's managed heap limit.</summary>
    public const int HeapMegabytes = 1024;

    /// <summary>The problem id of a submission that took too long to compile, or too much memory.</summary>
    public const string TooLongId = "MKG005";

    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(25);
    private const long ResidentLimit = (HeapMegabytes + 512L) * 1024 * 1024;

    private readonly SandboxStatus _sandbox;
    private readonly TimeSpan _jobTimeout;
    private readonly Lazy<CompileSetup> _setup;
    private readonly Lock _gate = new();
    private readonly BlockingCollection<WorkerEvent> _events = new();
    private RunningWorker? _worker;
    private bool _ready;
    private int _nextId;

    /// <summary>A session (started on first use) in <paramref name="sandbox"/>, with what <paramref name="setup"/>
    /// gives (read once), each job stopped after <paramref name="jobTimeout"/>.</summary>
    public CompileSession(SandboxStatus sandbox, Func<CompileSetup> setup, TimeSpan jobTimeout)
    {
        _sandbox = sandbox;
        _jobTimeout = jobTimeout;
        _setup = new(setup);
    }

    /// <summary>What compiling one submission gave: the worker's result, or a problem that stands for it (too long, too
    /// much memory), or the grader's own failure.</summary>
    /// <param name="Result">The images and problems, when the job ended.</param>
    /// <param name="Problem">The learner-facing problem when the job was stopped.</param>
    /// <param name="GraderFailure">Why the session itself failed (not the learner's doing).</param>
    public sealed record Outcome(CompileResult? Result, SourceProblem? Problem, string? GraderFailure)
    {
        /// <summary>The CPU time the compile worker spent on this job (and on its own start, when the job started it),
        /// as seen from outside; zero when the worker did not survive the job.</summary>
        public TimeSpan Cpu { get; init; }
    }

    /// <summary>Compiles <paramref name="files"/> in the session.</summary>
    public Outcome Compile(IReadOnlyList<(string Path, string Text)> files)
    {
        lock (_gate)
        {
            var cold = !_ready;
            if (Start() is { } failure)
            {
                return new Outcome(null, null, failure);
            }

            var cpuBefore = cold ? TimeSpan.Zero : _worker!.Tree.CpuTime();
            var id = ++_nextId;
            var job = new CompileJob(id, [.. files.Select(f => new SourceFile(f.Path, f.Text))]);
            if (!_worker!.Send(JsonSerializer.Serialize(job, WorkerJson.Options)))
            {
                return new Outcome(null, null, Stop($"the compile worker ended before it got the job: {Died()}"));
            }

            var outcome = Await(id);
            return _worker is { } alive ? outcome with { Cpu = alive.Tree.CpuTime() - cpuBefore } : outcome;
        }
    }

    /// <summary>Ends the session's worker, if any, and waits for it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            Stop(null);
        }
    }

    private Outcome Await(int id)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < _jobTimeout)
        {
            if (_events.TryTake(out var message, _poll))
            {
                if (message.Kind == WorkerEventKinds.Compiled && message.Compiled?.Id == id)
                {
                    return new Outcome(message.Compiled, null, null);
                }

                if (message.Kind == WorkerEventKinds.Error)
                {
                    return new Outcome(null, null, Stop($"the compile worker failed: {message.Message}"));
                }

                continue;
            }

            if (_worker!.Tree.ResidentBytes() > ResidentLimit)
            {
                Stop(null);
                return Stopped("your code needs more memory to compile than the grader allows (more than " +
                    $"{ResidentLimit / (1024 * 1024)} MiB): is something in it generated without bound (deeply nested generics, " +
                    "a huge constant expression)?");
            }

            if (_worker.HasExited || _worker.Overflow is not null)
            {
                return new Outcome(null, null, Stop($"the compile worker ended during the job: {Died()}"));
            }
        }

        Stop(null);
        return Stopped($"your code took too long to compile (more than {_jobTimeout.TotalSeconds:0} s) and was stopped: a " +
            "compile-time bomb (nested generics, an overload resolution that explodes)? Simplify what you wrote last.");
    }

    private static Outcome Stopped(string message) =>
        new(null, new SourceProblem(null, null, null, TooLongId, message, true), null);

    /// <summary>Starts the session's worker now, if there is none, without waiting for it: it loads Roslyn and warms
    /// up while the grader does other work (collecting the files, starting the test worker). Never throws for the
    /// worker's sake: a worker that cannot start is reported by the next <see cref="Compile"/>.</summary>
    public void Prestart()
    {
        lock (_gate)
        {
            if (_worker is null)
            {
                Launch();
            }
        }
    }

    private void Launch()
    {
        _ready = false;
        _worker = RunningWorker.Start(
            new WorkerLaunch(_sandbox, HeapMegabytes, ProcessLimits.Compile, null, 256 * 1024 * 1024, long.MaxValue),
            WorkerJobKinds.Compile,
            _events.Add);
        _worker.Begin((_, nonce) => new WorkerRequest(WorkerJobKinds.Compile, nonce, Compile: _setup.Value));
    }

    // Starts the worker if there is none and waits until it is ready; null, or why it could not start.
    private string? Start()
    {
        if (_worker is null)
        {
            Launch();
        }

        if (_ready)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < _startTimeout)
        {
            if (_events.TryTake(out var message, _poll))
            {
                if (message.Kind == WorkerEventKinds.Ready)
                {
                    _ready = true;
                    return null;
                }

                if (message.Kind == WorkerEventKinds.Error)
                {
                    return Stop($"the compile worker could not start: {message.Message}");
                }
            }
            else if (_worker!.HasExited)
            {
                return Stop($"the compile worker could not start: {Died()}");
            }
        }

        return Stop($"the compile worker did not start within {_startTimeout.TotalSeconds:0} s");
    }

    private string Died()
    {
        _worker!.Finish(TimeSpan.FromSeconds(1));
        var stderr = _worker.Stderr.Trim();
        var first = stderr.Split('\n').FirstOrDefault(line => line.Length > 0) ?? "";
        return _worker.Overflow is { } overflow
            ? $"it wrote {overflow}"
            : $"exit code {(_worker.HasExited ? _worker.ExitCode : -1)}{(first.Length == 0 ? "" : $", {first}")}";
    }

    // Kills and forgets the worker (the next job starts another); returns why, for chaining.
    private string? Stop(string? why)
    {
        _worker?.Dispose();
        _worker = null;
        _ready = false;
        while (_events.TryTake(out _))
        {
        }

        return why;
    }
}
