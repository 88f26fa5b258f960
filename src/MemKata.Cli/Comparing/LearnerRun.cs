using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Grading.Layout;
using MemKata.Scenarios;

namespace MemKata.Cli.Comparing;

/// <summary>
/// Runs a scenario with the learner's component in place of the reference's: a page-fault handler and a reclaim policy
/// are built once per machine with their parameterless constructor, an allocator once per process with
/// <c>(IProcessMemory memory)</c>. The run happens on a thread of its own, in this process: an exception the component
/// throws stops the run where it was (never a crash), and a run that does not end within the time limit (CPU time, with
/// a wall-clock backstop of three times that) is reported and abandoned (its thread is a background thread: it ends
/// with the process). What is not contained in-process: a
/// stack overflow or <c>Environment.Exit</c> ends memkata too, and memory is not limited.
/// </summary>
internal static partial class LearnerRun
{
    /// <summary>Null when <paramref name="component"/> can stand in for a reference component; otherwise why not.</summary>
    public static string? Check(Type component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (typeof(IAllocator).IsAssignableFrom(component))
        {
            return component.GetConstructor([typeof(IProcessMemory)]) is null
                ? $"{component.Name} needs a public constructor {component.Name}(IProcessMemory memory): the kernel builds one per process with it."
                : null;
        }

        if (typeof(IPageFaultHandler).IsAssignableFrom(component) || typeof(IReclaimPolicy).IsAssignableFrom(component))
        {
            return component.GetConstructor(Type.EmptyTypes) is null
                ? $"{component.Name} needs a public constructor without parameters: the kernel builds one per machine with it."
                : null;
        }

        return $"{component.Name} implements none of IAllocator, IPageFaultHandler and IReclaimPolicy: it cannot run in a scenario.";
    }

    /// <summary>Runs <paramref name="scenario"/> with <paramref name="component"/> (checked by <see cref="Check"/>),
    /// for at most <paramref name="timeout"/>. Returns the result (null only on a time-out or a constructor that threw)
    /// and, if the run stopped early, why.</summary>
    public static (ScenarioResult? Result, LearnerStop? Stop) Run(
        Scenario scenario, Type component, IReadOnlyList<ExerciseTask>? tasks, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(component);
        var step = 0;
        ScenarioResult? result = null;
        Exception? constructorFailure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = RunWith(scenario, component, (index, machine) =>
                {
                    Volatile.Write(ref step, index);
                    ScenarioComparison.StepStarting(index, machine);
                });
            }
            catch (Exception e)
            {
                constructorFailure = e;
            }
        })
        {
            IsBackground = true,
            Name = "memkata: your " + component.Name,
        };
        var cpu = CpuTime();
        var wall = Stopwatch.StartNew();
        thread.Start();
        if (!Finishes(thread, cpu, wall, timeout))
        {
            var at = Volatile.Read(ref step);
            return (null, new LearnerStop(at, Where(scenario, at), 0,
                string.Create(CultureInfo.InvariantCulture,
                    $"your run did not end within {timeout.TotalSeconds:0.#} s of computing (--timeout SECONDS): an infinite loop, or a wait that never ends? It was still in this step when it was stopped."),
                null, null, null, TimedOut: true));
        }

        if (constructorFailure is not null)
        {
            return (null, Stopped(0, $"the constructor, new {component.Name}()", 0, constructorFailure, component, tasks));
        }

        return result!.Failure is { } failure
            ? (result, Stopped(failure.StepIndex, Where(scenario, failure.StepIndex), failure.LastEvent, failure.Exception, component, tasks))
            : (result, null);
    }

    /// <summary>The CPU time this process has used so far (every thread's).</summary>
    public static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    // Waits for the run: it may use `limit` of CPU time (this process's, which only the run uses meanwhile), so a loaded
    // machine does not fail an honest run; 3 x limit of wall-clock time stops a run that waits instead of computing.
    private static bool Finishes(Thread thread, TimeSpan cpuAtStart, Stopwatch wall, TimeSpan limit)
    {
        while (!thread.Join(TimeSpan.FromMilliseconds(50)))
        {
            if (CpuTime() - cpuAtStart > limit || wall.Elapsed > 3 * limit)
            {
                return false;
            }
        }

        return true;
    }

    private static ScenarioResult RunWith(Scenario scenario, Type component, Action<int, Machine> stepStarting)
    {
        if (typeof(IAllocator).IsAssignableFrom(component))
        {
            var constructor = component.GetConstructor([typeof(IProcessMemory)])!;
            return ScenarioRunner.RunUntilFailure(
                scenario,
                allocator: memory => (IAllocator)constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, [memory], CultureInfo.InvariantCulture),
                stepStarting: stepStarting);
        }

        var instance = component.GetConstructor(Type.EmptyTypes)!.Invoke(BindingFlags.DoNotWrapExceptions, null, [], CultureInfo.InvariantCulture);
        return ScenarioRunner.RunUntilFailure(scenario, instance as IPageFaultHandler, instance as IReclaimPolicy, stepStarting: stepStarting);
    }

    /// <summary>Step <paramref name="index"/> of <paramref name="scenario"/> as the learner reads it.</summary>
    public static string Where(Scenario scenario, int index)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (index == 0)
        {
            return "step 0, starting the processes (the loader writes the C library's data, so pages fault before the first step)";
        }

        var step = scenario.Steps[index - 1];
        var who = step.Process.Length > 0 ? step.Process + ": " : "";
        return string.Create(CultureInfo.InvariantCulture, $"step {index} (line {step.Position.Line}) {who}{ScenarioRunner.Describe(step)}");
    }

    private static LearnerStop Stopped(int stepIndex, string where, long lastEvent, Exception e, Type component, IReadOnlyList<ExerciseTask>? tasks)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        int? task = e is NotImplementedException && TaskPattern().Match(message) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;
        var title = task is { } n ? tasks?.FirstOrDefault(t => t.Number == n)?.Title : null;
        return new LearnerStop(stepIndex, where, lastEvent, $"your {component.Name} threw {e.GetType().Name}: {message}", Source(e, component), task, title, TimedOut: false);
    }

    // The innermost frame of the learner's own code, with its file and line (the assembly carries its PDB).
    private static string? Source(Exception e, Type component)
    {
        var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Assembly == component.Assembly);
        if (frame?.GetMethod() is not { } method)
        {
            return null;
        }

        var name = $"{method.DeclaringType?.Name}.{method.Name}";
        return frame.GetFileName() is { Length: > 0 } file
            ? string.Create(CultureInfo.InvariantCulture, $"{name}, {Path.GetFileName(file)}:{frame.GetFileLineNumber()}")
            : name;
    }

    [GeneratedRegex(@"\bTask (\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex TaskPattern();
}
