using MemKata.Grading.Model;
using MemKata.Grading.Sandbox;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Steps;

/// <summary>
/// Step 4: runs the whole hidden suite, surviving crashes. When a test brings the process down (timeout, stack
/// overflow, FailFast, out of memory, early exit), that test fails with the reason and a fresh process runs the tests
/// not yet reported, so one runaway test costs its own points only. It gives up after
/// <see cref="GradingLimits.MaxRestarts"/> restarts, at the run's deadline, or when a crash cannot be pinned on a test;
/// the tests left then fail as "did not run", with the reason.
/// </summary>
internal static class SuiteRunner
{
    /// <summary>What running the suite gave.</summary>
    /// <param name="Tests">Every test, in the suite's order, with its outcome; empty when the suite never listed its
    /// tests.</param>
    /// <param name="Notes">What the reader should know about the run (crashes, restarts).</param>
    /// <param name="FatalError">Why nothing could run, when the suite never listed its tests.</param>
    /// <param name="GraderFault">True when the worker itself said it could not load the suite (the grader's problem);
    /// false when the process died before listing the tests (which learner code can cause).</param>
    /// <param name="Recorded">In a record run, the snapshots the tests recorded, in run order.</param>
    /// <param name="Phases">Where the runs' wall-clock time went, added up over restarts.</param>
    public sealed record Outcome(
        IReadOnlyList<RanTest> Tests,
        IReadOnlyList<string> Notes,
        string? FatalError,
        bool GraderFault = false,
        IReadOnlyList<RecordedSnapshot>? Recorded = null,
        TestJob.RunPhases? Phases = null);

    /// <summary>Runs the suite <paramref name="suiteFileName"/> of <paramref name="jobFolder"/> as a
    /// <paramref name="kind"/> job (test or record), first in <paramref name="started"/> (a test job started ahead on
    /// that folder), then in fresh ones after crashes; <paramref name="learnerFiles"/> are the file names whose stack
    /// frames are worth showing to the learner.</summary>
    public static Outcome Run(
        SandboxStatus sandbox,
        string jobFolder,
        string suiteFileName,
        GradingLimits limits,
        string kind,
        IReadOnlyCollection<string> learnerFiles,
        TestJob? started = null)
    {
        var deadline = DateTime.UtcNow + limits.RunTimeout;
        var results = new Dictionary<string, RanTest>(StringComparer.Ordinal);
        var notes = new List<string>();
        IReadOnlyList<DiscoveredTest>? catalog = null;
        string? leftReason = null;
        var recorded = new List<RecordedSnapshot>();
        var phases = new TestJob.RunPhases(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        for (var restarts = 0; ; restarts++)
        {
            TestJob.Result run;
            using (var job = restarts == 0 && started is not null ? started : new TestJob(sandbox, jobFolder, limits))
            {
                run = job.Run(suiteFileName, results.Keys, deadline, kind);
            }

            phases = new(phases.Load + run.Phases.Load, phases.Tests + run.Phases.Tests, phases.Exit + run.Phases.Exit, phases.Cpu + run.Phases.Cpu);

            catalog ??= run.Discovered;
            var byName = (catalog ?? []).ToDictionary(t => t.FullName, StringComparer.Ordinal);
            var before = results.Count;
            foreach (var finished in run.Finished)
            {
                if (finished.FullName is { } name && byName.TryGetValue(name, out var test) && !results.ContainsKey(name))
                {
                    results[name] = TestMessages.FromFinished(test, finished, learnerFiles);
                    recorded.AddRange(finished.Snapshots ?? []);
                }
            }

            if (run.Failure is null)
            {
                break;
            }

            if (catalog is null)
            {
                return new Outcome(
                    [], notes, run.WorkerError ?? $"the test process died before any test ran: {run.Failure}", run.WorkerError is not null, Phases: phases);
            }

            var crashed = run.InProgress is { } culprit && !results.ContainsKey(culprit) ? byName.GetValueOrDefault(culprit) : null;
            if (crashed is not null)
            {
                results[crashed.FullName] = new RanTest(crashed, TestStatus.Crashed, run.Failure, null, 0);
                leftReason = $"the test process died during {crashed.Name} ({run.Failure})";
            }
            else if (results.Count == before)
            {
                leftReason = $"the test process died outside any test ({run.Failure})";
                break;
            }

            if (results.Count == catalog.Count)
            {
                break;
            }

            if (DateTime.UtcNow >= deadline)
            {
                leftReason = $"the whole run's time limit ({limits.RunTimeout.TotalSeconds:0} s) was reached";
                break;
            }

            if (restarts >= limits.MaxRestarts)
            {
                leftReason = $"the test process died {restarts + 1} times; the last time during {crashed?.Name ?? "set-up"} ({run.Failure})";
                break;
            }

            notes.Add($"The test process died during {crashed?.Name ?? "set-up"}; the remaining tests ran in a fresh process.");
        }

        var ordered = (catalog ?? []).Select(test => results.TryGetValue(test.FullName, out var ran)
            ? ran
            : new RanTest(test, TestStatus.DidNotRun, $"did not run: {leftReason ?? "the test process ended before it"}.", null, 0));
        return new Outcome([.. ordered], notes, null, Recorded: recorded, Phases: phases);
    }
}
