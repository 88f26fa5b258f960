using System.Globalization;
using System.Text;
using MemKata.Engine.Kernel;

namespace MemKata.Scenarios;

/// <summary>
/// The outcome of a scenario run: each step's outcome, and the machine afterwards (its event log and /proc views).
/// <see cref="Render"/> prints it all as the CLI shows it; the text is deterministic, fit for snapshots.
/// </summary>
/// <param name="Scenario">The scenario that ran.</param>
/// <param name="Machine">The machine after the last step.</param>
/// <param name="Steps">The step outcomes, in order.</param>
public sealed record ScenarioResult(Scenario Scenario, Machine Machine, IReadOnlyList<StepOutcome> Steps)
{
    /// <summary>Where the run stopped because a component threw (only <see cref="ScenarioRunner.RunUntilFailure"/> sets
    /// it); null when every step ran.</summary>
    public ScenarioFailure? Failure { get; init; }

    // The run that produced this result, for ScenarioRunner.Continue (null when it cannot go on).
    internal ScenarioExecution? Execution { get; init; }

    /// <summary>The whole report: explanation, steps, event log, /proc/meminfo, /proc/vmstat and each process's status.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {Scenario.Name}\n");
        if (Scenario.Explanation.Length > 0)
        {
            text.Append('\n').Append(Scenario.Explanation).Append('\n');
        }

        var config = Machine.Config;
        text.Append(CultureInfo.InvariantCulture,
            $"\n## Machine\n{config.Architecture.Name}, RAM {ByteSize.Format(config.RamBytes)}, swap {ByteSize.Format(config.SwapBytes)}, vm.overcommit_memory={(int)config.Overcommit}, swappiness {config.Swappiness}, watermarks min/low/high {Machine.Watermarks.Min}/{Machine.Watermarks.Low}/{Machine.Watermarks.High} pages\n");
        text.Append("\n## Steps\n");
        foreach (var step in Steps)
        {
            var who = step.Process.Length > 0 ? step.Process + ": " : "";
            var faults = step.MinorFaults + step.MajorFaults > 0 ? $"  [{step.MinorFaults} minor, {step.MajorFaults} major faults]" : "";
            text.Append(CultureInfo.InvariantCulture, $"{step.Index,3}. (line {step.Position.Line}) {who}{step.Action} -> {step.Result}{faults}\n");
        }

        text.Append("\n## Event log\n").Append(Machine.Events.Render());
        text.Append("\n## /proc/meminfo\n").Append(ProcFs.Meminfo(Machine));
        text.Append("\n## /proc/vmstat\n").Append(ProcFs.VmStat(Machine));
        foreach (var process in Machine.Processes)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## /proc/{process.Pid}/status\n").Append(ProcFs.Status(process));
            text.Append(CultureInfo.InvariantCulture, $"oom_score:\t{Machine.OomKiller.OomScoreOf(process)}\n");
        }

        return text.ToString();
    }
}
