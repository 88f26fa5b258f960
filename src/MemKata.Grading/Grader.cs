using System.Diagnostics;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Sandbox;
using MemKata.Grading.Similarity;
using MemKata.Grading.Steps;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading;

/// <summary>
/// The grading pipeline for one exercise (docs/GRADING.md): collect the learner's files; compile them, analyze them and
/// compile the hidden tests against them in a sandboxed compile worker (kept for the next submission); check the
/// learner's image; run the tests in a sandboxed test worker, watched; score. This process never runs learner code and
/// never compiles it. One instance grades any number of submissions, one or several at a time; dispose it to end its
/// compile worker. <see cref="Grade"/> never throws because of what a submission does: compile errors, crashes and
/// timeouts all end up in the <see cref="GradeReport"/>, returned once every process the grading started is gone.
/// </summary>
public sealed class Grader : IDisposable
{
    private readonly ExerciseLayout _exercise;
    private readonly GradingLimits _limits;
    private readonly bool _checkImage;
    private readonly CompileSession _compiler;
    private readonly Lazy<SimilarityChecker?> _similarity;

    /// <summary>A grader for <paramref name="exercise"/>.</summary>
    public Grader(ExerciseLayout exercise, GradingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var chosen = options ?? GradingOptions.Default;
        _exercise = exercise;
        _limits = chosen.Limits.With(exercise.Manifest.Limits);
        _checkImage = chosen.CheckImage ?? chosen.RunAnalyzers;
        Sandbox = chosen.UseSandbox ? SandboxProbe.Machine : SandboxStatus.Off;
        _compiler = new CompileSession(Sandbox, () => HiddenSuite.Setup(exercise, chosen.RunAnalyzers), _limits.CompileTimeout);
        _similarity = new(() => ExerciseSimilarity.Checker(exercise));
    }

    /// <summary>The exercise this grader grades.</summary>
    public ExerciseLayout Exercise => _exercise;

    /// <summary>The sandbox its workers run in.</summary>
    public SandboxStatus Sandbox { get; }

    /// <summary>Grades the submission in <paramref name="submissionDirectory"/>. Throws
    /// <see cref="GradingInputException"/> only when the folder does not exist.</summary>
    public GradeReport Grade(string submissionDirectory) => Run(submissionDirectory, WorkerJobKinds.Test).Report;

    /// <summary>Grades <paramref name="submissionDirectory"/> (the reference) with the snapshot checks recording what
    /// they see: the report and the recorded snapshots (<see cref="SnapshotUpdater"/>).</summary>
    internal (GradeReport Report, IReadOnlyList<RecordedSnapshot> Recorded) Record(string submissionDirectory) =>
        Run(submissionDirectory, WorkerJobKinds.Record);

    /// <summary>Ends the compile worker and waits for it.</summary>
    public void Dispose() => _compiler.Dispose();

    private (GradeReport Report, IReadOnlyList<RecordedSnapshot> Recorded) Run(string submissionDirectory, string kind)
    {
        if (!Directory.Exists(submissionDirectory))
        {
            throw new GradingInputException($"no submission folder {Path.GetFullPath(submissionDirectory)}: give the folder that holds the learner's files.");
        }

        var clock = Stopwatch.StartNew();
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(submissionDirectory)));
        try
        {
            return GradeFiles(submissionDirectory, name, kind, clock);
        }
        catch (Exception e) when (e is not GradingInputException)
        {
            // The grader itself failed (a bug, a missing worker file): report it as such, never as the learner's fault.
            return (Report(name, GradeOutcome.GraderError, [], [GraderFailed($"{e.GetType().Name}: {e.Message}")], clock), []);
        }
    }

    private (GradeReport, IReadOnlyList<RecordedSnapshot>) GradeFiles(string submissionDirectory, string name, string kind, Stopwatch clock)
    {
        // The compile worker loads (Roslyn's start is most of a cold grading) while the files are collected.
        _compiler.Prestart();
        var (files, missing) = SubmissionFiles.Collect(_exercise.Config, submissionDirectory);
        if (missing.Count > 0)
        {
            return (Report(name, GradeOutcome.CompileError, missing, [], clock), []);
        }

        // The similarity check (for instructors; no score depends on it) runs beside the compile and the tests.
        var similarity = Task.Run(() => CheckSimilarity(files, name));
        var (report, recorded) = GradeCollected(files, name, kind, clock, clock.Elapsed);
        return (report with { Similarity = similarity.Result, Elapsed = clock.Elapsed }, recorded);
    }

    // For instructors only, and never a reason for grading to fail: the score does not depend on it.
    private PairSimilarity? CheckSimilarity(IReadOnlyList<(string Path, string Text)> files, string name)
    {
        try
        {
            return _similarity.Value?.Check([.. files.Select(f => new SimilaritySource(f.Path, f.Text))], name);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private (GradeReport, IReadOnlyList<RecordedSnapshot>) GradeCollected(
        IReadOnlyList<(string Path, string Text)> files, string name, string kind, Stopwatch clock, TimeSpan collected)
    {
        // The test worker starts now, on the job folder still empty, and loads while the submission compiles.
        using var job = new JobFolder();
        using var started = new TestJob(Sandbox, job.Path, _limits);
        var compile = _compiler.Compile(files);
        var compiled = clock.Elapsed;
        if (compile.GraderFailure is { } failure)
        {
            return (Report(name, GradeOutcome.GraderError, [], [GraderFailed(failure)], clock), []);
        }

        if (compile.Problem is { } stopped)
        {
            return (Report(name, GradeOutcome.CompileError, [stopped], [], clock) with { CompileTime = compiled }, []);
        }

        var result = compile.Result!;
        var findings = result.Findings.Select(SourceProblem.From)
            .Concat(_checkImage && result.LearnerImage is { } image ? ImageCheck.Check(image) : [])
            .ToList();
        var checkedImage = clock.Elapsed;
        if (result.SuiteImage is null)
        {
            return (Report(name, GradeOutcome.CompileError, [.. result.Problems.Select(SourceProblem.From), .. findings], [], clock) with { CompileTime = compiled }, []);
        }

        if (findings.Any(f => f.IsError))
        {
            return (Report(name, GradeOutcome.Rejected, findings, [], clock) with { CompileTime = compiled }, []);
        }

        var suiteFile = HiddenSuite.AssemblyName(_exercise.Slug) + ".dll";
        job.Write(JobFolder.LearnerImageFile, result.LearnerImage!);
        job.Write(suiteFile, result.SuiteImage);
        var run = SuiteRunner.Run(Sandbox, job.Path, suiteFile, _limits, kind, [.. files.Select(f => Path.GetFileName(f.Path))], started);
        string[] sandboxNote = Sandbox.MissingLine is { } missingLayer ? [missingLayer] : [];
        if (run.FatalError is not null)
        {
            var outcome = run.GraderFault ? GradeOutcome.GraderError : GradeOutcome.Graded;
            var empty = Report(name, outcome, Scorer.Score(_exercise, []), findings, [$"No hidden test ran: {run.FatalError}", .. run.Notes, .. sandboxNote], clock);
            return (empty with { CompileTime = compiled }, []);
        }

        var ran = clock.Elapsed;
        var scored = Scorer.Score(_exercise, run.Tests);
        var report = Report(name, GradeOutcome.Graded, scored, findings, [.. run.Notes, .. scored.Notes, .. sandboxNote], clock);
        var phases = run.Phases!;
        var timings = new GradeTimings(
            collected,
            compiled - collected,
            checkedImage - compiled,
            phases.Load,
            phases.Tests,
            TimeSpan.FromMilliseconds(run.Tests.Sum(t => t.DurationMs)),
            phases.Exit,
            report.Elapsed - ran,
            compile.Cpu,
            phases.Cpu);
        return (report with { CompileTime = compiled, Timings = timings }, run.Recorded ?? []);
    }

    private static string GraderFailed(string why) => $"The grader failed, not your code: {why} Tell your instructor.";

    private GradeReport Report(
        string name, GradeOutcome outcome, IReadOnlyList<SourceProblem> problems, IReadOnlyList<string> notes, Stopwatch clock)
    {
        var nothing = Scorer.Score(_exercise, []);
        var unattempted = nothing with { Tasks = [.. nothing.Tasks.Select(t => t with { Attempted = false })] };
        return Report(name, outcome, unattempted, problems, notes, clock);
    }

    private GradeReport Report(
        string name,
        GradeOutcome outcome,
        Scorer.Result scored,
        IReadOnlyList<SourceProblem> problems,
        IReadOnlyList<string> notes,
        Stopwatch clock)
    {
        var required = scored.Tasks.Where(t => !t.IsBonus).ToList();
        var snapshots = scored.Snapshots;
        double? index = _exercise.Manifest.Performance is { } performance
            && scored.Tasks.FirstOrDefault(t => t.Number == performance.Task) is { MaxPoints: > 0 } task
                ? Math.Round(100 * task.Points / task.MaxPoints, 2)
                : null;
        return new GradeReport(
            _exercise.Slug,
            name,
            outcome,
            Math.Round(required.Sum(t => t.Points) + (snapshots?.Points ?? 0), 4),
            Math.Round(required.Sum(t => t.MaxPoints) + (snapshots?.MaxPoints ?? 0), 4),
            scored.Tasks,
            scored.Tests,
            problems,
            notes,
            clock.Elapsed)
        {
            Snapshots = snapshots,
            Gradescope = _exercise.Manifest.Gradescope,
            PerformanceIndex = index,
            Leaderboard = index is { } value ? [new LeaderboardEntry("performance index", value)] : null,
        };
    }
}
