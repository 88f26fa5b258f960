using MemKata.Scenarios;
using MemKata.Scenarios.Views;

namespace MemKata.Reports.Html.Recording;

/// <summary>A scenario run with a picture of the machine before the first step and after every step: what the report
/// of a run draws. <see cref="Snapshots"/>[k] is the machine after step k (k = 0: the processes just started).</summary>
/// <param name="Name">The scenario's name for the report: a built-in's name (its texts may be translated) or the file's.</param>
/// <param name="IsBuiltIn">True for a built-in scenario.</param>
/// <param name="Result">The run.</param>
/// <param name="Snapshots">The machine before the first step and after each step.</param>
public sealed record ScenarioFilm(string Name, bool IsBuiltIn, ScenarioResult Result, IReadOnlyList<MachineSnapshot> Snapshots)
{
    /// <summary>The machine at each OOM kill, just before the victim died (<see cref="SnapshotMoment.BeforeOomKill"/>), in
    /// order: the moment memory was fullest, which the picture after the killing step no longer shows.</summary>
    public IReadOnlyList<MachineSnapshot> Peaks { get; init; } = [];

    /// <summary>The machine views recorded with the run (<c>--show page-table|lru|faults|reclaim|both|all</c>), in step order; empty when
    /// none were asked for.</summary>
    public IReadOnlyList<MachineView> Views { get; init; } = [];

    /// <summary>Every picture of RAM in the order it was taken: each step's peaks, then the machine after it.</summary>
    public IEnumerable<MachineSnapshot> Pictures =>
        Snapshots.SelectMany(s => Peaks.Where(p => p.AfterStep == s.AfterStep).Append(s));

    /// <summary>Runs <paramref name="scenario"/> with the reference components, taking a snapshot between steps and
    /// one at each OOM kill (the machine is only read; the run is the one <see cref="ScenarioRunner.Run"/> gives without
    /// snapshots).</summary>
    public static ScenarioFilm Record(string name, bool isBuiltIn, Scenario scenario) => Record(name, isBuiltIn, scenario, null);

    /// <summary>As <see cref="Record(string, bool, Scenario)"/>, with <paramref name="views"/> (if given) recording the
    /// machine views asked for (<c>--show</c>) during the same run; they become <see cref="Views"/>.</summary>
    public static ScenarioFilm Record(string name, bool isBuiltIn, Scenario scenario, ViewRecorder? views)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var snapshots = new List<MachineSnapshot>();
        var peaks = new List<MachineSnapshot>();
        var step = 0;
        var result = ScenarioRunner.Run(scenario, stepStarting: (index, machine) =>
        {
            if (index == 1)
            {
                machine.OomKiller.Killing += _ => peaks.Add(MachineSnapshot.BeforeOomKill(machine, step));
            }

            step = index;
            snapshots.Add(MachineSnapshot.Of(machine, index - 1));
            views?.StepStarting(index, machine);
        });
        snapshots.Add(MachineSnapshot.Of(result.Machine, result.Steps.Count));
        views?.Finish(result.Steps.Count, result.Machine);
        // A copy: a run that goes on later (ScenarioRunner.Continue) keeps calling the observer, and that is not this film.
        return new ScenarioFilm(name, isBuiltIn, result, snapshots) { Peaks = [.. peaks], Views = [.. views?.Views ?? []] };
    }

    /// <summary>Runs the built-in scenario <paramref name="name"/> (see <see cref="Record(string, bool, Scenario)"/>).</summary>
    public static ScenarioFilm BuiltIn(string name) => Record(name, true, BuiltInScenarios.Load(name));
}
