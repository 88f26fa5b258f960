using System.Diagnostics;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Similarity;
using MemKata.Grading.Steps;

namespace MemKata.Grading;

/// <summary>
/// The grading pipeline for one exercise: collect the learner's files, compile them and the hidden tests, run the
/// preflight checks, run the tests in a watched child process, score. One instance grades any number of submissions
/// (the hidden tests are parsed once). <see cref="Grade"/> never throws because of what a submission does: compile
/// errors, crashes and timeouts all end up in the <see cref="GradeReport"/>.
/// </summary>
public sealed class Grader
{
    private readonly ExerciseLayout _exercise;
    private readonly GradingOptions _options;
    private readonly GradingLimits _limits;
    private readonly SubmissionCompiler _compiler;
    private readonly Lazy<SimilarityChecker?> _similarity;

    /// <summary>A grader for <paramref name="exercise"/>.</summary>
    public Grader(ExerciseLayout exercise, GradingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        _exercise = exercise;
        _options = options ?? GradingOptions.Default;
        _limits = _options.Limits.With(exercise.Manifest.Limits);
        _compiler = new SubmissionCompiler(exercise);
        _similarity = new(() => ExerciseSimilarity.Checker(exercise));
    }

    /// <summary>The exercise this grader grades.</summary>
    public ExerciseLayout Exercise => _exercise;

    /// <summary>Grades the submission in <paramref name="submissionDirectory"/>. Throws
    /// <see cref="GradingInputException"/> only when the folder does not exist.</summary>
    public GradeReport Grade(string submissionDirectory)
    {
        if (!Directory.Exists(submissionDirectory))
        {
            throw new GradingInputException($"no submission folder {Path.GetFullPath(submissionDirectory)}: give the folder that holds the learner's files.");
        }

        var clock = Stopwatch.StartNew();
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(submissionDirectory)));
        var work = Path.Combine(Path.GetTempPath(), "memkata-grade", Guid.NewGuid().ToString("N"));
        try
        {
            return GradeFiles(submissionDirectory, name, work, clock);
        }
        catch (Exception e) when (e is not GradingInputException)
        {
            // The grader itself failed (a bug, a missing worker file): report it as such, never as the learner's fault.
            return Report(name, GradeOutcome.GraderError, [],
                [$"The grader failed, not your code: {e.GetType().Name}: {e.Message} Tell your instructor."], clock);
        }
        finally
        {
            TryDelete(work);
        }
    }

    private GradeReport GradeFiles(string submissionDirectory, string name, string work, Stopwatch clock)
    {
        var (files, missing) = SubmissionFiles.Collect(_exercise.Config, submissionDirectory);
        if (missing.Count > 0)
        {
            return Report(name, GradeOutcome.CompileError, missing, [], clock);
        }

        var similarity = CheckSimilarity(files, name);
        return GradeCollected(files, name, work, clock) with { Similarity = similarity };
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

    private GradeReport GradeCollected(IReadOnlyList<(string Path, string Text)> files, string name, string work, Stopwatch clock)
    {
        var learner = _compiler.CompileLearner(files);
        var findings = _options.PreflightChecks.SelectMany(check => check.Check(new PreflightContext(_exercise, learner, _compiler.LearnerTrees(learner)))).ToList();
        var (suitePath, compileErrors) = _compiler.Emit(learner, work);
        var compiled = clock.Elapsed;
        if (suitePath is null)
        {
            return Report(name, GradeOutcome.CompileError, [.. compileErrors, .. findings], [], clock);
        }

        if (findings.Any(f => f.IsError))
        {
            return Report(name, GradeOutcome.Rejected, findings, [], clock);
        }

        var run = SuiteRunner.Run(suitePath, _limits, _options.UpdateSnapshots, [.. files.Select(f => Path.GetFileName(f.Path))]);
        if (run.FatalError is not null)
        {
            var outcome = run.GraderFault ? GradeOutcome.GraderError : GradeOutcome.Graded;
            var empty = Report(name, outcome, Scorer.Score(_exercise, []), findings, [$"No hidden test ran: {run.FatalError}", .. run.Notes], clock);
            return empty with { CompileTime = compiled };
        }

        var scored = Scorer.Score(_exercise, run.Tests);
        var report = Report(name, GradeOutcome.Graded, scored, findings, [.. run.Notes, .. scored.Notes], clock);
        return report with { CompileTime = compiled };
    }

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
        };
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held by a dying process: the OS's temp cleaning will take it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
