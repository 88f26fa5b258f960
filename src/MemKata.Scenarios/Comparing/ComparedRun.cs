using System.Globalization;
using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Engine;

namespace MemKata.Scenarios.Comparing;

/// <summary>
/// How <c>memkata scenario compare</c> runs a scenario, the same way on both sides: the reference's run in memkata,
/// the learner's in the grading worker's sandbox. Before each step the event log's run of faults ends, so that each
/// step's faults are its own events (<c>scenario run</c> would show a block written in step 2 as one event of step 1,
/// its malloc); event numbers can therefore differ from <c>scenario run</c>'s.
/// </summary>
public static class ComparedRun
{
    /// <summary>The reference components' run of <paramref name="scenario"/>; <paramref name="observe"/>, if given, is
    /// told each step's index and the machine before the step runs (it must only read).</summary>
    public static ScenarioResult Reference(Scenario scenario, Action<int, Machine>? observe = null) =>
        ScenarioRunner.RunUntilFailure(scenario, stepStarting: (index, machine) =>
        {
            observe?.Invoke(index, machine);
            StepStarting(index, machine);
        });

    /// <summary>The run of <paramref name="scenario"/> with a learner's component in place of its reference:
    /// <paramref name="allocator"/> builds one allocator per process, or <paramref name="component"/> is a page-fault
    /// handler or a reclaim policy. <paramref name="stepStarting"/> is told each step's index before it runs (0: the
    /// processes start), and <paramref name="observe"/> the machine too (it must only read). An exception the component
    /// throws stops the run (<see cref="ScenarioResult.Failure"/>).</summary>
    public static ScenarioResult WithComponent(
        Scenario scenario, object? component, AllocatorFactory? allocator, Action<int>? stepStarting = null, Action<int, Machine>? observe = null) =>
        ScenarioRunner.RunUntilFailure(
            scenario,
            component as IPageFaultHandler,
            component as IReclaimPolicy,
            allocator,
            (index, machine) =>
            {
                stepStarting?.Invoke(index);
                observe?.Invoke(index, machine);
                StepStarting(index, machine);
            });

    /// <summary>Step <paramref name="index"/> of <paramref name="scenario"/> as the learner reads it (0: starting the
    /// processes).</summary>
    public static string Where(Scenario scenario, int index)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (index <= 0 || index > scenario.Steps.Count)
        {
            return "step 0, starting the processes (the loader writes the C library's data, so pages fault before the first step)";
        }

        var step = scenario.Steps[index - 1];
        var who = step.Process.Length > 0 ? step.Process + ": " : "";
        return string.Create(CultureInfo.InvariantCulture, $"step {index} (line {step.Position.Line}) {who}{ScenarioRunner.Describe(step)}");
    }

    /// <summary>The note a comparison shows for a component of <paramref name="contract"/>: what of its behaviour is
    /// the learner's choice, so that a difference there is not a mistake; null when everything compared is required
    /// (fault handlers).</summary>
    public static string? ChoiceNote(Type contract) =>
        contract == typeof(IAllocator)
            ? "Note: where an allocator places blocks and how far it grows the heap are partly your choice " +
              "(.docs/instructions.md says what is required): a difference here is something to understand, not always a mistake."
            : contract == typeof(IReclaimPolicy)
                ? "Note: how many pages a policy scans, and in which order beyond the rules, is your choice " +
                  "(.docs/instructions.md, \"What is required and what is your choice\"): different 'scanned' counts, and " +
                  "which pages go out and fault back in, can follow from that alone. What must match: the OOM victims, " +
                  "whether dirty file pages are written back, whether anonymous pages are swapped out."
                : null;

    private static void StepStarting(int step, Machine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        machine.Events.EndFaultRun();
    }
}
