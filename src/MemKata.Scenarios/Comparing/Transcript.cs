using System.Globalization;

namespace MemKata.Scenarios.Comparing;

/// <summary>
/// A scenario run as the lines that are compared: each step's line (<c>step 3 (line 14) app: write p -&gt; 4 pages
/// written</c>), followed by the kernel events numbered during that step. Events logged while the processes start come
/// under <c>step 0</c>. A run stopped by a component's exception ends with the stopped step's line and the events it
/// logged before the exception.
/// </summary>
public static class Transcript
{
    /// <summary>The line of step 0, the processes being started (the loader touches the C library's data).</summary>
    public const string StartLine = "step 0: start the processes";

    /// <summary>The transcript of <paramref name="result"/>; <paramref name="stopped"/> is the result text of the step a
    /// failure stopped (only used when <see cref="ScenarioResult.Failure"/> is set).</summary>
    public static IReadOnlyList<TranscriptLine> Of(ScenarioResult result, string stopped)
    {
        ArgumentNullException.ThrowIfNull(result);
        var events = result.Machine.Events.Events;
        var lines = new List<TranscriptLine> { new("", StartLine, 0) };
        var at = 0;
        var firstStep = result.Steps.Count > 0 ? result.Steps[0].EventsBefore : result.Failure?.LastEvent ?? long.MaxValue;
        at = AddEvents(lines, events, at, firstStep, 0);
        foreach (var step in result.Steps)
        {
            var who = step.Process.Length > 0 ? step.Process + ": " : "";
            var faults = step.MinorFaults + step.MajorFaults > 0 ? $"  [{step.MinorFaults} minor, {step.MajorFaults} major faults]" : "";
            lines.Add(new("", OneLine(string.Create(CultureInfo.InvariantCulture,
                $"step {step.Index} (line {step.Position.Line}) {who}{step.Action} -> {step.Result}{faults}")) + FreeFrames(step), step.Index));
            at = AddEvents(lines, events, at, step.LastEvent, step.Index);
        }

        if (result.Failure is { StepIndex: 0 })
        {
            lines.Add(new("", OneLine("step 0 -> " + stopped), 0));
        }
        else if (result.Failure is { } failure)
        {
            var spec = result.Scenario.Steps[failure.StepIndex - 1];
            var who = spec.Process.Length > 0 ? spec.Process + ": " : "";
            lines.Add(new("", OneLine(string.Create(CultureInfo.InvariantCulture,
                $"step {failure.StepIndex} (line {failure.Line}) {who}{failure.Action} -> {stopped}")), failure.StepIndex));
            AddEvents(lines, events, at, failure.LastEvent, failure.StepIndex);
        }

        if (result.Machine.Events.Dropped > 0)
        {
            lines.Add(new("", string.Create(CultureInfo.InvariantCulture,
                $"... {result.Machine.Events.Dropped} more events not kept (the log keeps {result.Machine.Events.Capacity})"), lines[^1].Step));
        }

        return lines;
    }

    /// <summary>The end of a step's line that says how many frames were free after it (<see cref="StepOutcome.FreeFramesAfter"/>).</summary>
    public static string FreeFrames(StepOutcome step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return string.Create(CultureInfo.InvariantCulture, $"  [{step.FreeFramesAfter} frames free]");
    }

    // A line is compared and shown as one line, whatever the texts hold.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    // Adds the events numbered up to `last` from position `at` of the log; returns the position after them.
    private static int AddEvents(List<TranscriptLine> lines, IReadOnlyList<MemKata.Engine.Kernel.KernelEvent> events, int at, long last, int step)
    {
        for (; at < events.Count && events[at].Sequence <= last; at++)
        {
            var e = events[at];
            lines.Add(new("#" + e.Sequence.ToString(CultureInfo.InvariantCulture),
                OneLine(string.Create(CultureInfo.InvariantCulture, $"pid {e.Pid} {e.Kind}: {e.Text}")), step));
        }

        return at;
    }
}
