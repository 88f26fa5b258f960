using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace MemKata.Grading.Steps;

/// <summary>
/// Step 4, the hook for static checks of learner code before anything of it runs: the Roslyn analyzers of
/// <c>src/MemKata.Analyzers</c> plug in here (one implementation that runs them with
/// <c>compilation.WithAnalyzers(...)</c> and maps their diagnostics to <see cref="SourceProblem"/>s). A problem with
/// <see cref="SourceProblem.IsError"/> stops grading with score 0 (<see cref="GradeOutcome.Rejected"/>); the others are
/// shown as advice. Checks run in the grading process: they must not execute learner code.
/// </summary>
public interface IPreflightCheck
{
    /// <summary>Checks the learner's compiled (not yet run) code and returns what it found, possibly nothing.</summary>
    IReadOnlyList<SourceProblem> Check(PreflightContext context);
}

/// <summary>What a preflight check sees.</summary>
/// <param name="Exercise">The exercise and its grader.</param>
/// <param name="Compilation">The learner's code, compiled with only the references a learner may use. Its syntax trees'
/// paths are the declared file names (<c>Allocator.cs</c>), so diagnostics locate themselves for the learner.</param>
/// <param name="LearnerTrees">The trees of <paramref name="Compilation"/> the learner wrote (the others, such as the
/// generated global usings, are the grader's): what <c>LearnerCodeAnalysis.AnalyzeAsync(compilation, learnerTrees)</c>
/// of <c>MemKata.Analyzers.Runner</c> takes.</param>
public sealed record PreflightContext(
    ExerciseLayout Exercise,
    CSharpCompilation Compilation,
    IReadOnlyList<Microsoft.CodeAnalysis.SyntaxTree> LearnerTrees);
