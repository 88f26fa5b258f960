using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Grading.Layout;
using MemKata.Scenarios;

namespace MemKata.Cli.Comparing;

/// <summary>
/// One scenario run twice, with the reference components and with the learner's component in place of its reference,
/// and the two transcripts (steps and kernel events) aligned: what <c>memkata scenario compare</c> shows.
/// </summary>
/// <param name="ScenarioLabel">The scenario as the user named it (a built-in's name or a file), and its title.</param>
/// <param name="Component">The learner's component type name, e.g. <c>FaultHandler</c>.</param>
/// <param name="Note">What of the component's behaviour is the learner's choice, so that a difference there is not a
/// mistake (allocators, reclaim policies); null when everything compared is required (fault handlers).</param>
/// <param name="Reference">The reference run's transcript.</param>
/// <param name="Yours">The learner's run's transcript, or null when there is none (a time-out, a constructor that threw).</param>
/// <param name="Rows">The two transcripts side by side (empty when <paramref name="Yours"/> is null).</param>
/// <param name="Stop">Why the learner's run stopped early, or null.</param>
internal sealed record ScenarioComparison(
    string ScenarioLabel,
    string Component,
    string? Note,
    IReadOnlyList<TranscriptLine> Reference,
    IReadOnlyList<TranscriptLine>? Yours,
    IReadOnlyList<ComparisonRow> Rows,
    LearnerStop? Stop)
{
    /// <summary>True when the learner's run reached the end and every line equals the reference's.</summary>
    public bool Identical => Stop is null && Yours is not null && Rows.All(r => r.Kind == RowKind.Same);

    /// <summary>The index in <see cref="Rows"/> of the first row that differs, or -1.</summary>
    public int FirstDifference => Rows.ToList().FindIndex(r => r.Kind != RowKind.Same);

    /// <summary>The least time limit of the learner's run when none is given.</summary>
    public static readonly TimeSpan MinimumTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="scenario"/> with the reference, then with <paramref name="component"/> for at most
    /// <paramref name="timeout"/> of CPU time (default: four times what the reference's run took, at least
    /// <see cref="MinimumTimeout"/>: the learner's code is compiled without optimizations), and aligns the two.</summary>
    public static ScenarioComparison Run(
        string scenarioLabel, Scenario scenario, Type component, IReadOnlyList<ExerciseTask>? tasks, TimeSpan? timeout)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(component);
        var cpu = LearnerRun.CpuTime();
        var reference = Transcript.Of(RunReference(scenario), "");
        var limit = timeout ?? TimeSpan.FromTicks(Math.Max(MinimumTimeout.Ticks, 4 * (LearnerRun.CpuTime() - cpu).Ticks));
        var (result, stop) = LearnerRun.Run(scenario, component, tasks, limit);
        var yours = result is null
            ? null
            : Transcript.Of(result, $"stopped: your {component.Name} threw {result.Failure?.Exception.GetType().Name}");
        var rows = yours is null ? [] : LogAlignment.Rows(reference, yours);
        return new ScenarioComparison(scenarioLabel, component.Name, NoteFor(component), reference, yours, rows, stop);
    }

    /// <summary>The reference's run as the comparison makes it: like <see cref="ScenarioRunner.Run"/>, except that each
    /// step's faults are its own events (see <see cref="StepStarting"/>), so event numbers can differ from
    /// <c>scenario run</c>'s.</summary>
    public static ScenarioResult RunReference(Scenario scenario) => ScenarioRunner.RunUntilFailure(scenario, stepStarting: StepStarting);

    /// <summary>What both runs do before each step: end the event log's run of faults, so that a run of faults never
    /// spans two steps (scenario run would show a block written in step 2 as one event of step 1, its malloc).</summary>
    public static void StepStarting(int step, Machine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        machine.Events.EndFaultRun();
    }

    private static string? NoteFor(Type component) =>
        typeof(IAllocator).IsAssignableFrom(component)
            ? "Note: where an allocator places blocks and how far it grows the heap are partly your choice " +
              "(.docs/instructions.md says what is required): a difference here is something to understand, not always a mistake."
            : typeof(IReclaimPolicy).IsAssignableFrom(component)
                ? "Note: how many pages a policy scans, and in which order beyond the rules, is your choice " +
                  "(.docs/instructions.md, \"What is required and what is your choice\"): different 'scanned' counts, and " +
                  "which pages go out and fault back in, can follow from that alone. What must match: the OOM victims, " +
                  "whether dirty file pages are written back, whether anonymous pages are swapped out."
                : null;
}
