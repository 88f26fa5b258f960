using System.Runtime.Loader;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Sandbox;

namespace MemKata.Grading.Steps;

/// <summary>
/// For tools that run a learner's component in this process instead of grading it (<c>memkata scenario compare</c>):
/// the submission's files are collected and compiled exactly as grading does (<see cref="SubmissionFiles"/>, a compile
/// worker: alone, against .NET and <c>MemKata.Contracts</c>), the assembly is loaded into a load context of its own
/// (<c>MemKata.Contracts</c> resolves to this process's copy, so the component's interface is the engine's), and the
/// exercise's component type is found by its name. The analyzers do not run: this is the learner's own code on their own
/// machine.
/// </summary>
public static class ComponentLoader
{
    /// <summary>The problem id of a submission that compiles but has no public component type of the expected name.</summary>
    public const string MissingComponentId = "MKG003";

    /// <summary>What loading gave: the component's type, or null and the problems (missing files, compiler errors with
    /// <c>file:line:col</c>, a missing component).</summary>
    /// <param name="Component">The component type, public, in the learner's assembly.</param>
    /// <param name="Problems">Why there is none; empty when <paramref name="Component"/> is set.</param>
    public sealed record Result(Type? Component, IReadOnlyList<SourceProblem> Problems);

    /// <summary>Compiles the solution files of <paramref name="exercise"/> found in <paramref name="submissionDirectory"/>
    /// and returns its component type (<c>component.type</c> of <c>.meta/config.json</c>). Never throws for what the
    /// learner's files contain.</summary>
    public static Result Load(ExerciseLayout exercise, string submissionDirectory)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var name = exercise.Config.Component?.Type;
        if (name is null)
        {
            throw new GradingInputException(
                $"{Path.Combine(exercise.ExerciseDirectory, ".meta", "config.json")}: \"component\" must name the learner's class.");
        }

        var (files, missing) = SubmissionFiles.Collect(exercise.Config, submissionDirectory);
        if (missing.Count > 0)
        {
            return new Result(null, missing);
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
            return new Result(null, [problem]);
        }

        if (compiled.Result!.LearnerImage is not { } image)
        {
            return new Result(null, [.. compiled.Result.Problems.Select(p => new SourceProblem(p.File, p.Line, p.Column, p.Id, p.Message, p.IsError))]);
        }

        var context = new AssemblyLoadContext("MemKata.Submission", isCollectible: true);
        using var stream = new MemoryStream(image);
        var type = context.LoadFromStream(stream).GetType(name, throwOnError: false);
        return type is { IsPublic: true }
            ? new Result(type, [])
            : new Result(null, [new SourceProblem(exercise.Config.Files.Solution[0], null, null, MissingComponentId,
                $"there is no public class {name} in your code: the exercise's component must keep that name, in no " +
                "namespace (see .docs/instructions.md).", true)]);
    }
}
