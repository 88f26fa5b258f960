using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using MemKata.Contracts;
using MemKata.Contracts.Kernel;
using MemKata.Engine;
using MemKata.Grading.Worker.Protocol;
using MemKata.Grading.Worker.Testing;
using MemKata.Scenarios;
using MemKata.Scenarios.Comparing;
using MemKata.Scenarios.Views;

namespace MemKata.Grading.Worker.Scenarios;

/// <summary>
/// The scenario job (<c>memkata scenario compare</c>): runs a scenario with the learner's component in place of its
/// reference, here in the sandboxed worker and never in memkata, and streams the run's transcript. A page-fault handler
/// or a reclaim policy is built once with its parameterless constructor, an allocator once per process with
/// <c>(IProcessMemory memory)</c>. An exception the component throws stops the run where it was; a run that never
/// ends, a stack overflow or <c>Environment.Exit</c> end this process, which the grader watches and reports.
/// </summary>
internal static class ScenarioJob
{
    private const int MaxMessageChars = 4096;

    /// <summary>Runs the job of <paramref name="request"/>; returns the process's exit code.</summary>
    public static int Run(WorkerRequest request, ResultChannel channel)
    {
        var job = request.Scenario;
        if (job is null)
        {
            channel.Send(new WorkerEvent(WorkerEventKinds.Error, Message: "a scenario job needs its scenario"));
            return 2;
        }

        var scenario = ScenarioParser.Parse(job.Yaml, job.FileName);
        var learner = new AssemblyLoadContext("MemKata.Submission").LoadFromStream(new MemoryStream(job.LearnerImage));
        var type = learner.GetType(job.Component, throwOnError: false);
        var refusal = type is { IsPublic: true }
            ? Refusal(type)
            : $"there is no public class {job.Component} in your code: the exercise's component must keep that name, " +
              "in no namespace (see .docs/instructions.md).";
        if (refusal is not null || type is null)
        {
            channel.Send(new WorkerEvent(WorkerEventKinds.Error, Message: refusal));
            return 3;
        }

        object? component = null;
        AllocatorFactory? allocator = null;
        if (typeof(IAllocator).IsAssignableFrom(type))
        {
            var constructor = type.GetConstructor([typeof(IProcessMemory)])!;
            allocator = memory => (IAllocator)constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, [memory], CultureInfo.InvariantCulture);
        }
        else
        {
            try
            {
                component = type.GetConstructor(Type.EmptyTypes)!.Invoke(BindingFlags.DoNotWrapExceptions, null, [], CultureInfo.InvariantCulture);
            }
            catch (Exception e)
            {
                channel.Send(new WorkerEvent(WorkerEventKinds.Done, Stop: Stop(0, 0, e, type, inConstructor: true)));
                return 0;
            }
        }

        var views = job.ShowPageTables || job.ShowLru || job.ShowFaults || job.ShowReclaims
            ? new ViewRequest(job.ShowPageTables, job.ShowLru, job.ShowFaults, job.ShowStep, job.ShowReclaims).Recorder()
            : null;
        var result = ComparedRun.WithComponent(scenario, component, allocator,
            step => channel.Send(new WorkerEvent(WorkerEventKinds.Step, Step: step)), views is null ? null : views.StepStarting);
        views?.Finish(result.Steps.Count, result.Machine);
        foreach (var line in Transcript.Of(result, $"stopped: your {type.Name} threw {result.Failure?.Exception.GetType().Name}"))
        {
            channel.Send(new WorkerEvent(WorkerEventKinds.Line, Line: line));
        }

        foreach (var view in views?.Views ?? [])
        {
            channel.Send(new WorkerEvent(WorkerEventKinds.View, View: view));
        }

        var stop = result.Failure is { } failure ? Stop(failure.StepIndex, failure.LastEvent, failure.Exception, type, inConstructor: false) : null;
        channel.Send(new WorkerEvent(WorkerEventKinds.Done, Stop: stop));
        return 0;
    }

    // Null when the type can stand in for a reference component; otherwise why not.
    private static string? Refusal(Type component)
    {
        var name = component.Name;
        if (typeof(IAllocator).IsAssignableFrom(component))
        {
            return component.GetConstructor([typeof(IProcessMemory)]) is null
                ? $"{name} needs a public constructor {name}(IProcessMemory memory): the kernel builds one per process with it."
                : null;
        }

        if (typeof(IPageFaultHandler).IsAssignableFrom(component) || typeof(IReclaimPolicy).IsAssignableFrom(component))
        {
            return component.GetConstructor(Type.EmptyTypes) is null
                ? $"{name} needs a public constructor without parameters: the kernel builds one per machine with it."
                : null;
        }

        return $"{name} implements none of IAllocator, IPageFaultHandler and IReclaimPolicy: it cannot run in a scenario.";
    }

    private static ScenarioStop Stop(int step, long lastEvent, Exception e, Type component, bool inConstructor)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        return new ScenarioStop(step, lastEvent, e.GetType().Name,
            message.Length > MaxMessageChars ? message[..MaxMessageChars] + "..." : message, Source(e, component), inConstructor);
    }

    /// <summary>The innermost frame of the learner's own code in <paramref name="e"/>'s stack, with its file and line
    /// (the assembly carries its PDB), e.g. <c>FaultHandler.HandleFault, FaultHandler.cs:15</c>; null if none.</summary>
    internal static string? Source(Exception e, Type component)
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
}
