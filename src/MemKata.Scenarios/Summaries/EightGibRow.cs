using MemKata.Engine.Kernel;

namespace MemKata.Scenarios.Summaries;

/// <summary>
/// One row of the "malloc 8 GiB on a 4 GiB machine" table: a built-in variant (architecture, overcommit mode, swap),
/// what its malloc returned, and what touching every page of the block does. A variant that only allocates is run a
/// on with a write to every page, on the same machine, so that the table shows "allocated only" and "touched" side by
/// side (unless <c>memkata tour --allocate-only</c> asks to skip it: about two million simulated faults each).
/// </summary>
/// <param name="Name">The built-in scenario's name.</param>
/// <param name="Config">Its machine.</param>
/// <param name="Limit">The rule that decides the malloc, with this machine's numbers.</param>
/// <param name="Allocated">What malloc returned.</param>
/// <param name="Touched">What writing every page did.</param>
/// <param name="AfterTouch">RSS and swap of the process after touching, or why there was nothing to touch.</param>
public sealed record EightGibRow(string Name, MachineConfig Config, string Limit, string Allocated, string Touched, string AfterTouch)
{
    /// <summary>The name prefix of the variants among the built-ins.</summary>
    public const string Prefix = "10-malloc-8-gib-on-4-gib-";

    /// <summary>The row for the variant <paramref name="name"/>, whose run is <paramref name="result"/>; with
    /// <paramref name="touchIfOnlyAllocated"/>, a variant without a touch step goes on with one
    /// (<see cref="ScenarioRunner.Continue"/>): its machine moves on, so show the run before asking for its row.</summary>
    public static EightGibRow From(string name, ScenarioResult result, bool touchIfOnlyAllocated)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scenario = result.Scenario;
        var malloc = scenario.Steps.OfType<MallocStep>().First();
        var allocatedOutcome = result.Steps.First(s => s.Position == malloc.Position);
        var allocated = allocatedOutcome.Kind == StepOutcomeKind.Null ? "NULL: refused" : "succeeds";
        var touchedResult = result;
        var touchOutcome = result.Steps.Zip(scenario.Steps).FirstOrDefault(p => p.Second is TouchStep).First;
        if (touchOutcome is null && allocated == "succeeds" && touchIfOnlyAllocated)
        {
            var touch = new TouchStep(malloc.Process, malloc.Position, malloc.As, 0, null, Write: true);
            touchedResult = ScenarioRunner.Continue(result, touch);
            touchOutcome = touchedResult.Steps[^1];
        }

        string touched, after;
        if (touchOutcome is null)
        {
            touched = "-";
            after = allocated == "succeeds"
                ? "not touched (--allocate-only)"
                : "nothing to touch: malloc returned NULL";
        }
        else
        {
            touched = touchOutcome.Kind == StepOutcomeKind.Killed ? "OOM-killed" : "every page written";
            var machine = touchedResult.Machine;
            var process = machine.Processes[0];
            after = process.IsAlive
                ? $"RSS {SizeText.Pages(process.ResidentPages)}, swapped out {SizeText.Pages(process.SwapEntries)}"
                : $"killed after faulting in {SizeText.Pages(touchOutcome.MinorFaults + touchOutcome.MajorFaults)}";
        }

        return new EightGibRow(name, scenario.Machine, RuleOf(result.Machine), allocated, touched, after);
    }

    private static string RuleOf(Machine machine)
    {
        var c = machine.Config;
        if (c.Architecture.UserSpaceBytes < 8UL << 30)
        {
            return $"user address space is {SizeText.Bytes(c.Architecture.UserSpaceBytes)}";
        }

        return c.Overcommit switch
        {
            OvercommitMode.Heuristic => $"one request <= RAM + swap = {SizeText.Bytes(c.RamBytes + c.SwapBytes)}",
            OvercommitMode.Always => "never refuses",
            _ => $"CommitLimit {SizeText.Pages(machine.Overcommit.CommitLimitPages)}",
        };
    }
}
