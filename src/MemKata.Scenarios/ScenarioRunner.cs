using System.Globalization;
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
    /// throws (other than the outcomes SIGSEGV, abort and OOM kill) escapes.</summary>
    public static ScenarioResult Run(
        Scenario scenario, IPageFaultHandler? faultHandler = null, IReclaimPolicy? reclaimPolicy = null, AllocatorFactory? allocator = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var (machine, processes) = Start(scenario, faultHandler, reclaimPolicy, allocator);
        var run = new Execution(machine, processes);
        var outcomes = scenario.Steps.Select((step, i) => run.Step(i + 1, step)).ToList();
        return new ScenarioResult(scenario, machine, outcomes);
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

        var run = new Execution(machine, processes);
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
                var failure = new ScenarioFailure(i + 1, Execution.Describe(step), step.Position.Line, machine.Events.LastSequence, e);
                return new ScenarioResult(scenario, machine, outcomes) { Failure = failure };
            }
        }

        return new ScenarioResult(scenario, machine, outcomes);
    }

    /// <summary>The step as the run reports it, a call: <c>p = malloc(1 MiB)</c>, <c>write p</c>, <c>free(p)</c>.</summary>
    public static string Describe(ScenarioStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Execution.Describe(step);
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
            var process = machine.Spawn(spec.Name, allocator ?? GlibcMalloc.Factory);
            process.OomScoreAdj = spec.OomScoreAdj;
            processes.Add(spec.Name, process);
        }

        return processes;
    }

    private sealed class Execution(Machine machine, Dictionary<string, SimProcess> processes)
    {
        private readonly Dictionary<(string Process, string Name), (ulong Address, ulong Size)> _pointers = [];

        public StepOutcome Step(int index, ScenarioStep step)
        {
            var before = machine.Events.LastSequence;
            var outcome = Outcome(index, step);
            return outcome with { EventsBefore = before, LastEvent = machine.Events.LastSequence };
        }

        private StepOutcome Outcome(int index, ScenarioStep step)
        {
            if (step is SleepStep)
            {
                machine.Idle();
                return new StepOutcome(index, step.Position, "", "sleep", $"kswapd {(machine.Kswapd.IsAwake ? "still awake" : "asleep")}, {machine.Frames.FreeFrames} pages free", 0, 0);
            }

            var process = processes[step.Process];
            var action = Describe(step);
            if (!process.IsAlive)
            {
                return new StepOutcome(index, step.Position, step.Process, action, $"skipped: the process is dead ({process.KillReason ?? "exited"})", 0, 0);
            }

            var minor = process.MinorFaults;
            var major = process.MajorFaults;
            string result;
            try
            {
                result = Execute(process, step);
            }
            catch (SegmentationFaultException e)
            {
                machine.Kill(process, "SIGSEGV: " + e.Reason);
                result = "SIGSEGV: " + e.Message;
            }
            catch (BusErrorException e)
            {
                machine.Kill(process, "SIGBUS: " + e.Reason);
                result = "SIGBUS: " + e.Message;
            }
            catch (HeapCorruptionException e)
            {
                machine.Kill(process, "SIGABRT: " + e.Message);
                result = "abort: " + e.Message;
            }
            catch (ProcessKilledException e)
            {
                result = "killed: " + e.Reason;
            }

            return new StepOutcome(index, step.Position, step.Process, action, result, process.MinorFaults - minor, process.MajorFaults - major);
        }

        private string Execute(SimProcess process, ScenarioStep step)
        {
            var malloc = process.Allocator!;
            switch (step)
            {
                case MallocStep s:
                    return Store(process, s.As, malloc.Malloc(s.Size), s.Size);
                case CallocStep s:
                    return Store(process, s.As, malloc.Calloc(s.Count, s.Size), s.Count * s.Size);
                case ReallocStep s:
                    var moved = malloc.Realloc(Address(process, s.Pointer), s.Size);
                    return Store(process, s.As, moved, s.Size);
                case FreeStep s:
                    malloc.Free(Address(process, s.Pointer));
                    _pointers.Remove((process.Name, s.Pointer));
                    return "done";
                case TouchStep s:
                    return Touch(process, s);
                case MapFileStep s:
                    var prot = s.Writable ? Protection.ReadWrite : Protection.Read;
                    var mapped = process.Memory.MmapFile(s.Length, prot, s.File, s.Offset, s.Shared);
                    return Store(process, s.As, mapped == Syscall.Failed ? Syscall.Null : mapped, s.Length);
                case OomScoreAdjStep s:
                    process.OomScoreAdj = s.Value;
                    return $"oom_score is now {machine.OomKiller.OomScoreOf(process)}";
                default:
                    machine.Exit(process);
                    return "exited; its memory is free";
            }
        }

        private string Touch(SimProcess process, TouchStep s)
        {
            var (address, size) = _pointers[(process.Name, s.Pointer)];
            if (address == Syscall.Null)
            {
                throw new SegmentationFaultException(0, s.Write, "the pointer is NULL (the allocation failed)");
            }

            var length = s.Length ?? (size > s.Offset ? size - s.Offset : 0);
            var start = address + s.Offset;
            var end = start + length;
            var pages = 0L;
            for (var at = start; at < end; at = (at & ~(MachineConfig.PageSize - 1)) + MachineConfig.PageSize)
            {
                if (s.Write)
                {
                    process.Memory.WriteByte(at, 1);
                }
                else
                {
                    process.Memory.ReadByte(at);
                }

                pages++;
            }

            return $"{pages} pages {(s.Write ? "written" : "read")}";
        }

        private ulong Address(SimProcess process, string name) => _pointers[(process.Name, name)].Address;

        private string Store(SimProcess process, string name, ulong address, ulong size)
        {
            if (name.Length > 0)
            {
                _pointers[(process.Name, name)] = (address, size);
            }

            return address == Syscall.Null ? "NULL (failed)" : "0x" + address.ToString("x", CultureInfo.InvariantCulture);
        }

        public static string Describe(ScenarioStep step) => step switch
        {
            MallocStep s => Named(s.As, $"malloc({ByteSize.Format(s.Size)})"),
            CallocStep s => Named(s.As, $"calloc({s.Count}, {ByteSize.Format(s.Size)})"),
            ReallocStep s => Named(s.As, $"realloc({s.Pointer}, {ByteSize.Format(s.Size)})"),
            FreeStep s => $"free({s.Pointer})",
            TouchStep s => string.Create(CultureInfo.InvariantCulture,
                $"{(s.Write ? "write" : "read")} {s.Pointer}{(s.Offset > 0 ? "+" + ByteSize.Format(s.Offset) : "")}{(s.Length is { } l ? ", " + ByteSize.Format(l) : "")}"),
            MapFileStep s => Named(s.As, $"mmap({s.File}, {ByteSize.Format(s.Length)}, {(s.Shared ? "MAP_SHARED" : "MAP_PRIVATE")}{(s.Writable ? ", writable" : "")})"),
            OomScoreAdjStep s => $"oom_score_adj = {s.Value}",
            SleepStep => "sleep",
            _ => "exit",
        };

        private static string Named(string name, string call) => name.Length > 0 ? $"{name} = {call}" : call;
    }
}
