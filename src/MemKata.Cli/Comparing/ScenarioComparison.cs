using System.Diagnostics;
using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Grading.Comparing;
using MemKata.Grading.Layout;
using MemKata.Scenarios;
using MemKata.Scenarios.Comparing;
using MemKata.Scenarios.Views;

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
/// <param name="Verdict">The closing verdict: identical, only the learner's choices differ, or required behaviour does.</param>
/// <param name="ReferenceViews">The reference's machine after each step asked for (<c>--show</c>); empty when none was.</param>
/// <param name="YourViews">The learner's machine after the same steps.</param>
internal sealed record ScenarioComparison(
    string ScenarioLabel,
    string Component,
    string? Note,
    IReadOnlyList<TranscriptLine> Reference,
    IReadOnlyList<TranscriptLine>? Yours,
    IReadOnlyList<ComparisonRow> Rows,
    LearnerStop? Stop,
    CompareVerdict Verdict,
    IReadOnlyList<MachineView> ReferenceViews,
    IReadOnlyList<MachineView> YourViews)
{
    /// <summary>True when the learner's run reached the end and every line equals the reference's.</summary>
    public bool Identical => Stop is null && Yours is not null && Rows.All(r => r.Kind == RowKind.Same);

    /// <summary>The index in <see cref="Rows"/> of the first row that differs, or -1.</summary>
    public int FirstDifference => Rows.ToList().FindIndex(r => r.Kind != RowKind.Same);

    /// <summary>The least time limit of the learner's run when none is given.</summary>
    public static readonly TimeSpan MinimumTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="scenario"/> with the reference here, then with the learner's component of
    /// <paramref name="exercise"/> in <paramref name="submissionDirectory"/> in the sandboxed worker
    /// (<see cref="LearnerScenario"/>) for at most <paramref name="timeout"/> of CPU time (default: four times what the
    /// reference's run took, at least <see cref="MinimumTimeout"/>: the learner's code is compiled without
    /// optimizations), and aligns the two; <paramref name="views"/>, if given, records both machines after each step it
    /// asks for. Returns the learner side alone when their code could not run.</summary>
    public static (ScenarioComparison? Comparison, LearnerScenarioResult Learner) Run(
        string scenarioLabel, Scenario scenario, string yaml, string fileName, ExerciseLayout exercise, string submissionDirectory, TimeSpan? timeout,
        ViewRequest? views = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(exercise);
        var cpu = CpuTime();
        var recorder = views?.Recorder();
        var referenceRun = ComparedRun.Reference(scenario, recorder is null ? null : recorder.StepStarting);
        recorder?.Finish(referenceRun.Steps.Count, referenceRun.Machine);
        var reference = Transcript.Of(referenceRun, "");
        var limit = timeout ?? TimeSpan.FromTicks(Math.Max(MinimumTimeout.Ticks, 4 * (CpuTime() - cpu).Ticks));
        var learner = LearnerScenario.Run(exercise, submissionDirectory, scenario, yaml, fileName, limit, views);
        if (learner.DidNotRun)
        {
            return (null, learner);
        }

        var rows = learner.Transcript is { } yours ? LogAlignment.Rows(reference, yours) : [];
        var contract = exercise.Config.Component?.Interface?.Split('.')[^1] switch
        {
            nameof(IAllocator) => typeof(IAllocator),
            nameof(IReclaimPolicy) => typeof(IReclaimPolicy),
            _ => typeof(IPageFaultHandler),
        };
        var verdict = CompareVerdict.Of(contract, reference, learner.Transcript, learner.Stop is { } stop ? $"{stop.Where}: {stop.What}" : null);
        return (new ScenarioComparison(scenarioLabel, learner.Component, ComparedRun.ChoiceNote(contract), reference, learner.Transcript, rows, learner.Stop, verdict,
            recorder?.Views ?? [], learner.Views), learner);
    }

    // The CPU time this process has used so far (every thread's): the reference's run is timed with it.
    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
