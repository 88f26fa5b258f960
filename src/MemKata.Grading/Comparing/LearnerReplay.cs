using System.Globalization;
using MemKata.Engine.Traces;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Steps;
using MemKata.Grading.Worker.Protocol;

namespace MemKata.Grading.Comparing;

/// <summary>
/// <c>memkata replay TRACE --exercise DIR</c>'s learner side: the learner's allocator is compiled as grading compiles it
/// (<see cref="LearnerImage"/>), then the trace is replayed with it in a replay job, in the grading worker and its OS
/// sandbox (<see cref="LearnerJob"/>: CPU, wall-clock, memory and output limits), with the heap rules checked on every
/// operation and utilization and cost measured. Each operation's record is handed over as it arrives, so that what
/// ran before a crash is shown. memkata itself never loads learner code.
/// </summary>
public static class LearnerReplay
{
    /// <summary>Replays <paramref name="trace"/> (read from <paramref name="traceText"/>) with the allocator of
    /// <paramref name="exercise"/> found in <paramref name="submissionDirectory"/>, for at most
    /// <paramref name="timeout"/> of CPU time. <paramref name="onOperation"/> gets each operation's record and
    /// <paramref name="onHeap"/> the heap after operation <paramref name="showHeap"/>, in order, on a reading task.
    /// Never throws for what the learner's files contain or do.</summary>
    public static LearnerReplayResult Run(
        ExerciseLayout exercise, string submissionDirectory, Trace trace, string traceText, TimeSpan timeout,
        int? showHeap, bool recordSyscalls, Action<ReplayStep> onOperation, Action<HeapView> onHeap, bool heapFrames = false)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var (image, problems) = LearnerImage.Compile(exercise, submissionDirectory);
        return image is null
            ? new(LearnerImage.ComponentOf(exercise), null, null, null, null, problems)
            : RunCompiled(exercise, image, trace, traceText, timeout, showHeap, recordSyscalls, onOperation, onHeap, heapFrames);
    }

    /// <summary>Replays <paramref name="trace"/> as <see cref="Run"/> does, with an allocator already compiled
    /// (<see cref="LearnerImage.Compile"/>): several traces, one compile. With <paramref name="heapFrames"/>,
    /// <paramref name="onHeap"/> also gets the heap after each operation an illustrated report draws.</summary>
    public static LearnerReplayResult RunCompiled(
        ExerciseLayout exercise, byte[] image, Trace trace, string traceText, TimeSpan timeout,
        int? showHeap, bool recordSyscalls, Action<ReplayStep> onOperation, Action<HeapView> onHeap, bool heapFrames = false)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(onOperation);
        ArgumentNullException.ThrowIfNull(onHeap);
        var name = LearnerImage.ComponentOf(exercise);
        var gate = new Lock();
        var operationsRun = 0;
        var started = false;
        ReplayEnd? end = null;
        string? error = null;
        var request = new ReplayRequest(traceText, trace.Source, name, image, showHeap, recordSyscalls, heapFrames);
        var (kill, why) = LearnerJob.Run(WorkerJobKinds.Replay, nonce => new WorkerRequest(WorkerJobKinds.Replay, nonce, Replay: request),
            message =>
            {
                lock (gate)
                {
                    switch (message.Kind)
                    {
                        case WorkerEventKinds.Step:
                            started = true;
                            break;
                        case WorkerEventKinds.Operation when message.Operation is { } step:
                            operationsRun = step.Index + 1;
                            onOperation(step);
                            break;
                        case WorkerEventKinds.Heap when message.Heap is { } heap:
                            onHeap(heap);
                            break;
                        case WorkerEventKinds.Done:
                            end = message.Replay;
                            break;
                        case WorkerEventKinds.Error:
                            error = message.Message ?? "the replay job failed";
                            break;
                        default:
                            break;
                    }
                }
            },
            () =>
            {
                lock (gate)
                {
                    return started;
                }
            },
            timeout);
        lock (gate)
        {
            if (error is not null)
            {
                return new(name, null, null, null, null,
                    [new SourceProblem(exercise.Config.Files.Solution[0], null, null, LearnerScenario.MissingComponentId, error, true)]);
            }

            var where = Where(trace, operationsRun);
            if (kill is CrashClassifier.Kill.TestTimeout or CrashClassifier.Kill.TestWallTimeout)
            {
                return new(name, null, string.Create(CultureInfo.InvariantCulture,
                    $"your {name} did not end within {timeout.TotalSeconds:0.#} s of computing (--timeout SECONDS): it was still in {where} when it was stopped. An infinite loop, a free list that loops?"),
                    null, null, []);
            }

            if (end is null || kill != CrashClassifier.Kill.None)
            {
                return new(name, null, $"your {name} ended the process in {where}: {why}", null, null, []);
            }

            var task = end.Stop is { } stop ? LearnerScenario.StubTask(stop.Exception, stop.Message) : null;
            var title = task is { } n ? exercise.Config.Tasks?.FirstOrDefault(t => t.Number == n)?.Title : null;
            return new(name, end, null, task, title, []);
        }
    }

    /// <summary>Operation <paramref name="index"/> of <paramref name="trace"/> as the learner reads it:
    /// <c>operation 12 (line 16: a 3 512)</c>; -1 is the constructor.</summary>
    public static string Where(Trace trace, int index)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (index < 0)
        {
            return "the constructor, before the first operation";
        }

        return index < trace.Operations.Count
            ? string.Create(CultureInfo.InvariantCulture, $"operation {index} (line {trace.Operations[index].LineNumber}: {trace.Operations[index]})")
            : "the end of the trace";
    }
}
