using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine;
using MemKata.Engine.Kernel;
using MemKata.Engine.Libc;

namespace MemKata.Scenarios;

/// <summary>
/// Runs a <see cref="Scenario"/> on a fresh <see cref="Machine"/>: every process gets glibc's malloc, the steps run in
/// order, and each step's outcome is recorded (its result and the faults it took). A process that dies (SIGSEGV,
/// abort, OOM kill) stops there; its later steps are reported as skipped. Deterministic: the same scenario always
/// gives the same result, byte for byte.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>The <see cref="ScenarioFailure.Action"/> of a failure while the processes were being started.</summary>
    public const string StartAction = "start the processes";

    /// <summary>Runs <paramref name="scenario"/>; a null handler, policy or allocator means the reference implementations
    /// (<paramref name="allocator"/> builds each process's C allocator; default glibc's malloc). An exception a component
    /// throws (other than the outcomes SIGSEGV, abort and OOM kill) escapes. <paramref name="stepStarting"/>, if given, is
    /// told each step's index (1 for the first) and the machine, its processes started, before the step runs: e.g. to
    /// take a picture of the machine between steps; it must only read.</summary>
    public static ScenarioResult Run(
        Scenario scenario,
        IPageFaultHandler? faultHandler = null,
        IReclaimPolicy? reclaimPolicy = null,
        AllocatorFactory? allocator = null,
        Action<int, Machine>? stepStarting = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var (machine, processes) = Start(scenario, faultHandler, reclaimPolicy, allocator);
        var run = new ScenarioExecution(machine, processes);
        var outcomes = scenario.Steps.Select((step, i) =>
        {
            stepStarting?.Invoke(i + 1, machine);
            return run.Step(i + 1, step);
        }).ToList();
        return new ScenarioResult(scenario, machine, outcomes) { Execution = run };
    }

    /// <summary>
    /// Runs <paramref name="step"/> after the steps of <paramref name="result"/>, on the same machine, as if the scenario
    /// had one more step, and returns the longer result: e.g. to see what touching a block does after a run that only
    /// allocated it, without running the scenario again. The machine moves on, so whatever is to be shown of
    /// <paramref name="result"/> must be read first. Only a result of <see cref="Run"/> goes on.
    /// </summary>
    public static ScenarioResult Continue(ScenarioResult result, ScenarioStep step)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(step);
        var run = result.Execution ?? throw new InvalidOperationException("ScenarioRunner.Continue: only a result of ScenarioRunner.Run can go on");
        var outcome = run.Step(result.Steps.Count + 1, step);
        return new ScenarioResult(result.Scenario with { Steps = [.. result.Scenario.Steps, step] }, result.Machine, [.. result.Steps, outcome])
        {
            Execution = run,
        };
    }

    /// <summary>
    /// Runs <paramref name="scenario"/> as <see cref="Run"/> does, but an exception a component throws stops the run
    /// instead of escaping: the result holds the steps that finished, the machine as it was, and
    /// <see cref="ScenarioResult.Failure"/> says where and what. <paramref name="stepStarting"/>, if given, is told each
    /// step's index and the machine before the step runs (0 before the processes start): e.g. to say where a run that
    /// never ends was, or to end the event log's run of faults so that each step's faults are its own events.
    /// </summary>
    public static ScenarioResult RunUntilFailure(
        Scenario scenario,
        IPageFaultHandler? faultHandler = null,
        IReclaimPolicy? reclaimPolicy = null,
        AllocatorFactory? allocator = null,
        Action<int, Machine>? stepStarting = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var machine = new Machine(scenario.Machine, faultHandler, reclaimPolicy);
        stepStarting?.Invoke(0, machine);
        Dictionary<string, SimProcess> processes;
        try
        {
            processes = Spawn(scenario, machine, allocator);
        }
        catch (Exception e)
        {
            return new ScenarioResult(scenario, machine, []) { Failure = new ScenarioFailure(0, StartAction, 0, machine.Events.LastSequence, e) };
        }

        var run = new ScenarioExecution(machine, processes);
        var outcomes = new List<StepOutcome>();
        foreach (var (step, i) in scenario.Steps.Select((step, i) => (step, i)))
        {
            stepStarting?.Invoke(i + 1, machine);
            try
            {
                outcomes.Add(run.Step(i + 1, step));
            }
            catch (Exception e)
            {
                var failure = new ScenarioFailure(i + 1, ScenarioExecution.Describe(step), step.Position.Line, machine.Events.LastSequence, e);
                return new ScenarioResult(scenario, machine, outcomes) { Failure = failure };
            }
        }

        return new ScenarioResult(scenario, machine, outcomes);
    }

    /// <summary>The step as the run reports it, a call: <c>p = malloc(1 MiB)</c>, <c>write p</c>, <c>free(p)</c>.</summary>
    public static string Describe(ScenarioStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return ScenarioExecution.Describe(step);
    }

    private static (Machine Machine, Dictionary<string, SimProcess> Processes) Start(
        Scenario scenario, IPageFaultHandler? faultHandler, IReclaimPolicy? reclaimPolicy, AllocatorFactory? allocator)
    {
        var machine = new Machine(scenario.Machine, faultHandler, reclaimPolicy);
        return (machine, Spawn(scenario, machine, allocator));
    }

    private static Dictionary<string, SimProcess> Spawn(Scenario scenario, Machine machine, AllocatorFactory? allocator)
    {
        foreach (var file in scenario.Files)
        {
            machine.CreateFile(file.Name, file.Size);
        }

        var processes = new Dictionary<string, SimProcess>(StringComparer.Ordinal);
        foreach (var spec in scenario.Processes)
        {
            SimProcess process;
            try
            {
                process = machine.Spawn(spec.Name, allocator ?? GlibcMalloc.Factory);
            }
            catch (ProcessKilledException)
            {
                // Killed while the loader was writing the C library's data (a machine with no memory to spare): the
                // process exists, dead, and its steps are reported as skipped.
                process = machine.Processes[^1];
            }

            process.OomScoreAdj = spec.OomScoreAdj;
            processes.Add(spec.Name, process);
        }

        return processes;
    }
}
