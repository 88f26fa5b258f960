using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using MemKata.Contracts;
using MemKata.Engine.Performance;
using MemKata.Engine.Traces;
using MemKata.Grading.Worker.Protocol;
using MemKata.Grading.Worker.Scenarios;
using MemKata.Grading.Worker.Testing;

namespace MemKata.Grading.Worker.Replay;

/// <summary>
/// The replay job (<c>memkata replay TRACE --exercise DIR</c>): replays a trace with the learner's allocator in place of
/// glibc's, here in the sandboxed worker and never in memkata, checking the heap rules on every operation and
/// measuring utilization and simulated cost as the performance index does (<see cref="MeasuredReplay"/>). Streams one
/// record per operation, the heap's picture when asked, and how the replay ended. An exception the allocator throws
/// (other than the process's death: an abort, a segmentation fault) stops the replay where it was; a replay that
/// never ends, a stack overflow or <c>Environment.Exit</c> end this process, which the grader watches and reports.
/// </summary>
internal static class ReplayJob
{
    private const int MaxMessageChars = 4096;

    /// <summary>Runs the job of <paramref name="request"/>; returns the process's exit code.</summary>
    public static int Run(WorkerRequest request, ResultChannel channel)
    {
        if (request.Replay is not { } job)
        {
            channel.Send(new WorkerEvent(WorkerEventKinds.Error, Message: "a replay job needs its trace"));
            return 2;
        }

        var trace = TraceParser.Parse(new StringReader(job.TraceText), job.TraceName);
        var learner = new AssemblyLoadContext("MemKata.Submission").LoadFromStream(new MemoryStream(job.LearnerImage));
        var type = learner.GetType(job.Component, throwOnError: false);
        var constructor = type is { IsPublic: true } && typeof(IAllocator).IsAssignableFrom(type)
            ? type.GetConstructor([typeof(IProcessMemory)])
            : null;
        if (type is null || constructor is null)
        {
            channel.Send(new WorkerEvent(WorkerEventKinds.Error, Message: type is { IsPublic: true }
                ? $"{type.Name} must implement IAllocator and have a public constructor {type.Name}(IProcessMemory memory): the replay builds it with that."
                : $"there is no public class {job.Component} in your code: the exercise's component must keep that name, in no namespace (see .docs/instructions.md)."));
            return 3;
        }

        // From here on the learner's code runs: its time limit starts now.
        channel.Send(new WorkerEvent(WorkerEventKinds.Step, Step: 0));
        MeasuredReplay replay;
        try
        {
            replay = new MeasuredReplay(trace, Build(constructor), job.RecordSyscalls);
        }
        catch (Exception e)
        {
            var stop = Stop(-1, e, type);
            var empty = new TraceMeasurement(trace.Source, 0, 0, default, $"your {type.Name}'s constructor threw {stop.Exception}");
            channel.Send(new WorkerEvent(WorkerEventKinds.Done, Replay: new ReplayEnd(Empty(trace), null, empty, null, -1, stop)));
            return 0;
        }

        ReplayStop? thrown = null;
        var frames = job.HeapFrames ? new HeapFrameSampler(trace.Operations.Count) : null;
        try
        {
            while (replay.TryStep(out var step))
            {
                channel.Send(new WorkerEvent(WorkerEventKinds.Operation, Operation: step));
                if (step.Index == job.ShowHeap || frames?.Wants(step) == true)
                {
                    channel.Send(new WorkerEvent(WorkerEventKinds.Heap, Heap: HeapView.Of(replay.Replayer.Memory, step.Index)));
                }
            }
        }
        catch (Exception e)
        {
            thrown = Stop(replay.Replayer.OperationsRun, e, type);
        }

        // The heap as the last operation that ran left it (a crash or an exception stops the replay after it).
        if (frames?.WantsLast(replay.Replayer.OperationsRun - 1) == true)
        {
            channel.Send(new WorkerEvent(WorkerEventKinds.Heap, Heap: HeapView.Of(replay.Replayer.Memory, replay.Replayer.OperationsRun - 1)));
        }

        var measurement = thrown is null ? replay.Measurement()
            : replay.Measurement() with { Failure = string.Create(CultureInfo.InvariantCulture, $"operation {thrown.Operation}: your {type.Name} threw {thrown.Exception}") };
        channel.Send(new WorkerEvent(WorkerEventKinds.Done, Replay: new ReplayEnd(
            replay.Replayer.Summarize(), replay.Crash, measurement, replay.Failure, replay.FailedOperation, thrown)));
        return 0;
    }

    private static Func<IProcessMemory, IAllocator> Build(ConstructorInfo constructor) =>
        memory => (IAllocator)constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, [memory], CultureInfo.InvariantCulture);

    // The summary of a replay that never started: nothing ran, nothing is mapped.
    private static ReplaySummary Empty(Trace trace) => new(0, trace.Operations.Count, 0, 0, 0, 0, 0, 0, 0, [], []);

    private static ReplayStop Stop(int operation, Exception e, Type component)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        return new ReplayStop(operation, e.GetType().Name,
            message.Length > MaxMessageChars ? message[..MaxMessageChars] + "..." : message, ScenarioJob.Source(e, component));
    }
}
