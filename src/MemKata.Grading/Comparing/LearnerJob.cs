using System.Diagnostics;
using MemKata.Grading.Model;
using MemKata.Grading.Sandbox;
using MemKata.Grading.Steps;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Comparing;

/// <summary>
/// One job on the learner's code for the learner's own tools (a <c>scenario</c> or a <c>replay</c> job): a grading
/// worker in the same OS sandbox as grading, with the same memory and output limits, watched from here. The run may
/// take <c>timeout</c> of CPU time, counted from the moment it reports that the learner's code has started (starting
/// the worker and loading the engine on a loaded machine is never the learner's time), and three times that of
/// wall-clock time, so that a run that waits instead of computing is stopped too.
/// </summary>
internal static class LearnerJob
{
    // Starting the worker and loading the engine come before the learner's code runs: not the learner's time.
    private static readonly TimeSpan _startMargin = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(20);

    /// <summary>Runs a job of <paramref name="kind"/> with <paramref name="request"/> (built from the nonce);
    /// <paramref name="take"/> gets each result line on a reading task, and <paramref name="started"/> says whether the
    /// learner's code has begun. Returns why the grader stopped the worker (<see cref="CrashClassifier.Kill.None"/> when
    /// it ended by itself) and, when it did not end cleanly, why in the learner's words.</summary>
    public static (CrashClassifier.Kill Kill, string Why) Run(
        string kind, Func<string, WorkerRequest> request, Action<WorkerEvent> take, Func<bool> started, TimeSpan timeout)
    {
        var limits = GradingLimits.Default;
        var launch = new WorkerLaunch(SandboxProbe.Machine, limits.MemoryMegabytes, ProcessLimits.Tests(3 * timeout + _startMargin),
            JobFolder: null, TestJob.LineCap, TestJob.RunCap);
        using var worker = RunningWorker.Start(launch, kind, take);
        worker.Begin((_, nonce) => request(nonce));
        worker.CloseInput();
        var kill = Watch(worker, limits, started, timeout);
        worker.Finish(TimeSpan.Zero);
        var exitCode = worker.HasExited ? worker.ExitCode : -1;
        return (kill, CrashClassifier.Describe(kill, timeout, limits.MemoryMegabytes, exitCode, worker.Stderr, worker.Overflow));
    }

    private static CrashClassifier.Kill Watch(RunningWorker worker, GradingLimits limits, Func<bool> started, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var memoryLimit = 2L * limits.MemoryMegabytes * 1024 * 1024;
        TimeSpan? cpuAtStart = null;
        var wallAtStart = TimeSpan.Zero;
        while (!worker.WaitForExit(_poll))
        {
            var cpu = worker.Tree.CpuTime();
            if (cpuAtStart is null && started())
            {
                (cpuAtStart, wallAtStart) = (cpu, clock.Elapsed);
            }

            var reason =
                worker.Overflow is not null ? CrashClassifier.Kill.Output
                : cpuAtStart is { } start && cpu - start > timeout ? CrashClassifier.Kill.TestTimeout
                : cpuAtStart is not null && clock.Elapsed - wallAtStart > 3 * timeout ? CrashClassifier.Kill.TestWallTimeout
                : cpuAtStart is null && clock.Elapsed > _startMargin ? CrashClassifier.Kill.TestWallTimeout
                : worker.Tree.ResidentBytes() > memoryLimit ? CrashClassifier.Kill.Memory
                : CrashClassifier.Kill.None;
            if (reason != CrashClassifier.Kill.None)
            {
                worker.Kill();
                return reason;
            }
        }

        return worker.Overflow is not null ? CrashClassifier.Kill.Output : CrashClassifier.Kill.None;
    }
}
