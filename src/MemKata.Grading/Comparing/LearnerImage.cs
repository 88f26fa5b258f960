using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Sandbox;
using MemKata.Grading.Steps;

namespace MemKata.Grading.Comparing;

/// <summary>
/// The learner's component compiled for the learner's own tools (<c>scenario compare</c>, <c>replay --exercise</c>):
/// the submission's declared files are collected as grading collects them (<see cref="SubmissionFiles"/>) and compiled
/// by a compile worker, alone, against .NET and <c>MemKata.Contracts</c>; the analyzers do not run (this is the
/// learner's own tool, not a grade). memkata never compiles nor loads learner code itself.
/// </summary>
public static class LearnerImage
{
    /// <summary>The component's type name in <paramref name="exercise"/>'s config.</summary>
    public static string ComponentOf(ExerciseLayout exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return exercise.Config.Component?.Type ?? throw new GradingInputException(
            $"{Path.Combine(exercise.ExerciseDirectory, ".meta", "config.json")}: \"component\" must name the learner's class.");
    }

    /// <summary>Compiles the files of <paramref name="exercise"/> found in <paramref name="submissionDirectory"/>: the
    /// image (PDB embedded), or null and why not (missing files, compiler errors as <c>file:line:col</c>). Never throws
    /// for what the files contain.</summary>
    public static (byte[]? Image, IReadOnlyList<SourceProblem> Problems) Compile(ExerciseLayout exercise, string submissionDirectory)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var (files, missing) = SubmissionFiles.Collect(exercise.Config, submissionDirectory);
        if (missing.Count > 0)
        {
            return (null, missing);
        }

        using var compiler = new CompileSession(
            SandboxProbe.Machine, () => HiddenSuite.Setup(exercise, runAnalyzers: false, withSuite: false), GradingLimits.Default.CompileTimeout);
        var compiled = compiler.Compile(files);
        if (compiled.GraderFailure is { } failure)
        {
            throw new InvalidOperationException(failure);
        }

        if (compiled.Problem is { } problem)
        {
            return (null, [problem]);
        }

        return compiled.Result!.LearnerImage is { } image
            ? (image, [])
            : (null, [.. compiled.Result.Problems.Select(SourceProblem.From)]);
    }
}
