using MemKata.Scenarios.Views;

namespace MemKata.Reports.Html.Recording;

/// <summary>How the two lines of a compared row relate.</summary>
public enum ComparedLineKind
{
    /// <summary>The same line in both runs.</summary>
    Same,

    /// <summary>Both runs have a line here, and they differ.</summary>
    Changed,

    /// <summary>Only the reference has this line.</summary>
    OnlyReference,

    /// <summary>Only the learner's run has this line.</summary>
    OnlyYours,
}

/// <summary>One row of two transcripts side by side (steps and kernel events, as <c>scenario compare</c> aligns them).</summary>
/// <param name="Kind">How the lines relate.</param>
/// <param name="Reference">The reference's line, or null.</param>
/// <param name="Yours">The learner's line, or null.</param>
public sealed record ComparedLine(ComparedLineKind Kind, string? Reference, string? Yours);

/// <summary>A learner's run of a scenario beside the reference's: what the compare report draws.</summary>
/// <param name="ScenarioLabel">The scenario as the user named it, and its title.</param>
/// <param name="Component">The learner's component, e.g. <c>FaultHandler</c>.</param>
/// <param name="Note">What of the behaviour is the learner's choice, or null.</param>
/// <param name="Rows">The aligned transcripts (empty when the learner's run gave none).</param>
/// <param name="Stop">Why the learner's run stopped early, in words, or null.</param>
/// <param name="Reference">The reference run, recorded for its drawings.</param>
public sealed record ComparedRun(string ScenarioLabel, string Component, string? Note, IReadOnlyList<ComparedLine> Rows, string? Stop, ScenarioFilm Reference)
{
    /// <summary>The reference run's machine views (<c>--show</c>), in step order; empty when none were asked for.</summary>
    public IReadOnlyList<MachineView> ReferenceViews { get; init; } = [];

    /// <summary>The learner's run's machine views after the same steps.</summary>
    public IReadOnlyList<MachineView> YourViews { get; init; } = [];

    /// <summary>The index of the first row that differs, or -1.</summary>
    public int FirstDifference => Rows.ToList().FindIndex(r => r.Kind != ComparedLineKind.Same);
}
