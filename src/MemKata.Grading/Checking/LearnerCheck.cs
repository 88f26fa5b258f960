using System.Diagnostics;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Sandbox;
using MemKata.Grading.Steps;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Checking;

/// <summary>
/// <c>memkata check</c>'s loop, kept warm between runs: the learner's files are collected as grading collects them
/// (<see cref="SubmissionFiles"/>), compiled alone and analyzed in a compile worker (<see cref="CompileSession"/>, kept
/// for the next run), the image checked (<see cref="ImageCheck"/>), the public tests compiled against it
/// (<see cref="PublicSuite"/>; kept in the worker while the learner's public surface stays the same), and run in a test
/// worker (<see cref="SuiteRunner"/>: the same sandbox, limits and crash recovery as grading). One fresh test worker per
/// run, so no run sees what an earlier one left behind; <see cref="Prestart"/> starts the next one ahead, to wait,
/// loaded, for the next save. memkata never compiles nor loads learner code itself. Dispose it to end its workers.
/// </summary>
public sealed class LearnerCheck : IDisposable
{
    private readonly ExerciseLayout _exercise;
    private readonly string _submission;
    private readonly GradingLimits _limits;
    private readonly Lock _gate = new();
    private CompileSession? _compiler;
    private IReadOnlyList<SourceFile>? _tests;
    private (JobFolder Folder, TestJob Job)? _spare;
    private bool _disposed;

    /// <summary>A check of <paramref name="exercise"/>'s public tests against the learner's files in
    /// <paramref name="submissionDirectory"/>. Starts nothing until <see cref="Prestart"/> or <see cref="Run"/>.</summary>
    public LearnerCheck(ExerciseLayout exercise, string submissionDirectory)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        _exercise = exercise;
        _submission = Path.GetFullPath(submissionDirectory);
        _limits = GradingLimits.Default.With(exercise.Manifest.Limits);
        Sandbox = SandboxProbe.Machine;
    }

    /// <summary>The sandbox the workers run in.</summary>
    public SandboxStatus Sandbox { get; }

    /// <summary>The folders that hold the files <see cref="IsWatched"/> accepts: the submission folder and the exercise
    /// folder (once when they are the same), full paths in ordinal order.</summary>
    public IReadOnlyList<string> WatchedFolders =>
        [.. new[] { _submission, Path.GetFullPath(_exercise.ExerciseDirectory) }.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>True when a change of <paramref name="fullPath"/> changes what a run checks (<c>--watch</c>): one of the
    /// learner's solution files in the submission folder, or a public test source (<see cref="PublicSuite"/>: a
    /// <c>*.cs</c> of the exercise folder outside <c>.meta/</c>, <c>bin/</c> and <c>obj/</c>).</summary>
    public bool IsWatched(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var solution = _exercise.Config.Files.Solution;
        var inSubmission = Path.GetRelativePath(_submission, fullPath).Replace('\\', '/');
        if (solution.Any(file => file.Replace('\\', '/') == inSubmission))
        {
            return true;
        }

        var exercise = Path.GetFullPath(_exercise.ExerciseDirectory);
        var inExercise = Path.GetRelativePath(exercise, fullPath).Replace('\\', '/');
        return PublicSuite.IsTestSource(_exercise, inExercise) && !ExerciseLayout.IsBuildOutput(exercise, fullPath);
    }

    /// <summary>Starts the workers now, if they are not running, without waiting for them: they load while the caller
    /// does other work (a learner typing before the next save). Never throws for the workers' sake (a worker that
    /// cannot start is reported by <see cref="Run"/>).</summary>
    public void Prestart()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Session(PublicSuite.Sources(_exercise)).Prestart();
            _spare ??= StartTestJob();
        }
    }

    /// <summary>Compiles, analyzes and runs the public tests once. Never throws for what the learner's files contain or
    /// do: compile errors, findings, crashes and timeouts end up in the <see cref="CheckResult"/>.</summary>
    public CheckResult Run()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var clock = Stopwatch.StartNew();
            var (files, missing) = SubmissionFiles.Collect(_exercise.Config, _submission);
            var tests = PublicSuite.Sources(_exercise);
            var cold = _compiler is null || !SameTests(tests);
            var compiler = Session(tests);
            var collected = clock.Elapsed;
            if (missing.Count > 0)
            {
                return Result(missing, [], [], null, clock, collected, collected, TimeSpan.Zero, TimeSpan.Zero, cold);
            }

            compiler.Prestart();
            var spare = _spare ?? StartTestJob();
            _spare = null;
            try
            {
                return CompileAndTest(compiler, files, spare, clock, collected, cold);
            }
            finally
            {
                spare.Job.Dispose();
                spare.Folder.Dispose();
            }
        }
    }

    /// <summary>Ends the workers and waits for them.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _compiler?.Dispose();
            _compiler = null;
            if (_spare is { } spare)
            {
                spare.Job.Dispose();
                spare.Folder.Dispose();
                _spare = null;
            }
        }
    }

    private CheckResult CompileAndTest(
        CompileSession compiler, IReadOnlyList<(string Path, string Text)> files, (JobFolder Folder, TestJob Job) spare,
        Stopwatch clock, TimeSpan collected, bool cold)
    {
        var compile = compiler.Compile(files);
        if (compile.GraderFailure is { } failure)
        {
            return Result([], [], [], failure, clock, collected, clock.Elapsed, compile.Cpu, TimeSpan.Zero, cold);
        }

        if (compile.Problem is { } stopped)
        {
            return Result([stopped], [], [], null, clock, collected, clock.Elapsed, compile.Cpu, TimeSpan.Zero, cold);
        }

        var result = compile.Result!;
        var findings = result.Findings.Select(SourceProblem.From)
            .Concat(result.LearnerImage is { } image ? ImageCheck.Check(image) : [])
            .ToList();
        List<SourceProblem> problems = [.. result.Problems.Select(SourceProblem.From), .. findings];
        var compiled = clock.Elapsed;
        if (result.SuiteImage is null || problems.Any(p => p.IsError))
        {
            return Result([.. problems.OrderByDescending(p => p.IsError)], [], [], null, clock, collected, compiled, compile.Cpu, TimeSpan.Zero, cold);
        }

        var suiteFile = PublicSuite.AssemblyName(_exercise.Slug) + ".dll";
        spare.Folder.Write(JobFolder.LearnerImageFile, result.LearnerImage!);
        spare.Folder.Write(suiteFile, result.SuiteImage);
        foreach (var data in PublicSuite.DataFiles(_exercise))
        {
            spare.Folder.Copy(Path.Combine(_exercise.ExerciseDirectory, data), data);
        }

        var learnerFiles = files.Select(f => Path.GetFileName(f.Path)).ToList();
        var run = SuiteRunner.Run(Sandbox, spare.Folder.Path, suiteFile, _limits, WorkerJobKinds.Check, learnerFiles, spare.Job);
        string[] sandboxNote = Sandbox.MissingLine is { } missingLayer ? [missingLayer] : [];
        var testCpu = run.Phases?.Cpu ?? TimeSpan.Zero;
        if (run.FatalError is { } fatal)
        {
            return run.GraderFault
                ? Result(problems, [], [], fatal, clock, collected, compiled, compile.Cpu, testCpu, cold)
                : Result(problems, [], [$"No public test ran: {fatal}", .. run.Notes, .. sandboxNote], null, clock, collected, compiled, compile.Cpu, testCpu, cold);
        }

        var tests = run.Tests.Select(t => new CheckedTest(t.Test.Name, t.Test.Task, t.Status, t.Message)).ToList();
        return Result(problems, tests, [.. run.Notes, .. sandboxNote], null, clock, collected, compiled, compile.Cpu, testCpu, cold);
    }

    private CheckResult Result(
        IReadOnlyList<SourceProblem> problems, IReadOnlyList<CheckedTest> tests, IReadOnlyList<string> notes, string? failure,
        Stopwatch clock, TimeSpan collected, TimeSpan compiled, TimeSpan compileCpu, TimeSpan testCpu, bool cold)
    {
        var total = clock.Elapsed;
        var timings = new CheckTimings(collected, compiled - collected, total - compiled, total, compileCpu, testCpu, cold);
        return new CheckResult(_exercise.Slug, problems, tests, notes, failure, timings);
    }

    // The session for these public tests: the running one, or a new one when the tests changed since it started.
    private CompileSession Session(IReadOnlyList<SourceFile> tests)
    {
        if (_compiler is not null && SameTests(tests))
        {
            return _compiler;
        }

        _compiler?.Dispose();
        _tests = tests;
        var setup = PublicSuite.Setup(_exercise, tests);
        _compiler = new CompileSession(Sandbox, () => setup, _limits.CompileTimeout);
        return _compiler;
    }

    private bool SameTests(IReadOnlyList<SourceFile> tests) => _tests is { } known && known.SequenceEqual(tests);

    // A test worker started ahead on an empty job folder: it loads the runtime and NUnit while the learner types.
    private (JobFolder, TestJob) StartTestJob()
    {
        var folder = new JobFolder();
        return (folder, new TestJob(Sandbox, folder.Path, _limits));
    }
}
