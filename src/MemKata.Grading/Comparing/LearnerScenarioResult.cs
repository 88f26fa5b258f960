using MemKata.Grading.Model;
using MemKata.Scenarios.Comparing;
using MemKata.Scenarios.Views;

namespace MemKata.Grading.Comparing;

/// <summary>What running a scenario with the learner's component gave (<see cref="LearnerScenario.Run"/>).</summary>
/// <param name="Component">The learner's component type name, e.g. <c>FaultHandler</c>.</param>
/// <param name="Transcript">The run's transcript, or null when there is none: the code did not compile, the
/// component could not be built, or the run was stopped from outside (a time-out, a crash).</param>
/// <param name="Stop">Why the run ended early, or null when it reached the scenario's end.</param>
/// <param name="Problems">Why the code cannot run at all: missing files, compiler errors (<c>file:line:col</c>), a
/// component that is missing or cannot stand in for the reference. Empty when it ran.</param>
public sealed record LearnerScenarioResult(
    string Component,
    IReadOnlyList<TranscriptLine>? Transcript,
    LearnerStop? Stop,
    IReadOnlyList<SourceProblem> Problems)
{
    /// <summary>The learner's machine after each step asked for (<c>--show</c>); empty when none was.</summary>
    public IReadOnlyList<MachineView> Views { get; init; } = [];

    /// <summary>True when the code could not run at all (see <see cref="Problems"/>).</summary>
    public bool DidNotRun => Problems.Count > 0;
}
