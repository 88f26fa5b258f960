using MemKata.Cli.Rendering;
using MemKata.Cli.Replay;
using MemKata.Cli.Traces;
using MemKata.Engine.Performance;
using MemKata.Engine.Traces;
using MemKata.Grading;
using MemKata.Grading.Comparing;
using MemKata.Grading.Layout;
using MemKata.Grading.Publishing;

namespace MemKata.Cli.Commands;

/// <summary>
/// <c>memkata replay TRACE --exercise DIR</c>: the trace replayed with the learner's allocator instead of glibc's, in the
/// grading worker's sandbox (<see cref="LearnerReplay"/>), shown operation by operation exactly as the reference replay
/// is (text or chunks, and <c>--show-heap N</c>), with the heap rules checked on every operation, then the learner's
/// utilization, cost and score on the trace beside the reference solution's (<see cref="LearnerReplayReport"/>).
/// </summary>
internal static class ReplayExercise
{
    /// <summary>How many operations the trace may have: it is held in memory and sent to the worker.</summary>
    public const int MaxOperations = 1_000_000;

    /// <summary>The least CPU time the learner's replay gets when <c>--timeout</c> is not given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs the replay; returns the exit code. With <paramref name="format"/> <c>html</c>, the page is written
    /// to <paramref name="html"/>'s output in its language.</summary>
    public static int Run(
        CliContext context, string? path, string exerciseDirectory, string? submission, TimeSpan? timeout, string format, int? showHeap,
        (string? Output, string Language) html)
    {
        var input = TraceInput.From(path);
        ExerciseLayout exercise;
        Trace trace;
        string text;
        try
        {
            if (format == HtmlOutputOptions.Html)
            {
                HtmlOutputOptions.Check(html.Output!);
            }

            var header = input.Check(context.Error);
            trace = input.Load(MaxOperations, "--exercise sends the trace to your allocator's process whole, so it takes");
            text = input.ReadText();
            exercise = ExerciseLayout.FromExerciseDirectory(exerciseDirectory);
            var folder = submission ?? exerciseDirectory;
            return format == HtmlOutputOptions.Html
                ? ReplayExercisePage.Write(context, input, trace, text, exercise, folder, timeout ?? DefaultTimeout, html.Output!, html.Language)
                : Replay(context, input, header, trace, text, exercise, folder, timeout ?? DefaultTimeout, format, showHeap);
        }
        catch (GradingInputException e)
        {
            context.Error.WriteLine($"memkata: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (UserErrors.TryReport(e, context.Error))
        {
            return ExitCodes.UsageError;
        }
    }

    /// <summary>False, with the message written, when the submission folder does not exist.</summary>
    public static bool HasFolder(CliContext context, ExerciseLayout exercise, string folder)
    {
        if (!Directory.Exists(folder))
        {
            context.Error.WriteLine($"memkata: no submission folder {Path.GetFullPath(folder)}: give the folder that holds your {string.Join(", ", exercise.Config.Files.Solution)}.");
            return false;
        }

        return true;
    }

    /// <summary>The reference solution's numbers on <paramref name="trace"/>, for a run of the learner's that was clean:
    /// run now where the reference is at hand (an instructor's repository), read from the table publish wrote in a
    /// starter.</summary>
    public static ReferenceNumbers ReferenceMeasurement(ExerciseLayout exercise, TraceInput input, Trace trace, string text, TimeSpan timeout)
    {
        if (!HasReference(exercise))
        {
            return PublishedNumbers(exercise, input);
        }

        var directory = Directory.CreateTempSubdirectory("memkata-reference-");
        try
        {
            ReferenceSubmission.Create(exercise, directory.FullName);
            var reference = LearnerReplay.Run(exercise, directory.FullName, trace, text, timeout, null, recordSyscalls: false, _ => { }, _ => { });
            return reference.End is { Measurement: { Failure: null } measured }
                ? new ReferenceNumbers(measured, null)
                : new ReferenceNumbers(null, "the reference solution did not finish this trace within the rules");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static int Replay(
        CliContext context, TraceInput input, TraceHeader header, Trace trace, string text, ExerciseLayout exercise, string folder,
        TimeSpan timeout, string format, int? showHeap)
    {
        if (!HasFolder(context, exercise, folder))
        {
            return ExitCodes.UsageError;
        }

        var chunks = format == ReplayCommand.ChunksFormatName;
        IReplayRenderer? renderer = null;
        var result = LearnerReplay.Run(exercise, folder, trace, text, timeout, showHeap, recordSyscalls: !chunks,
            step =>
            {
                renderer ??= Begin(context, input, header, chunks, step.Index == 0 ? step.BreakBefore : 0);
                renderer.Operation(step);
            },
            heap =>
            {
                context.Out.Flush();
                HeapText.Write(context.Out, heap);
            });
        if (result.DidNotRun)
        {
            return LearnerReplayReport.DidNotRun(context.Error, result, folder);
        }

        // A replay stopped before its first operation has nothing to sum up.
        if (result.End is { } end && (end.Summary.OperationsRun > 0 || end.Stop is null))
        {
            (renderer ?? Begin(context, input, header, chunks, end.Summary.InitialBreak)).End(end.Summary, end.Crash);
            if (end.Crash is { } crash)
            {
                CrashReport.Write(context.Error, crash, $"your {result.Component}");
            }
        }

        context.Out.Flush();
        if (!chunks)
        {
            // A run that failed scores 0 whatever the reference does: the reference runs only for a clean one. In a
            // starter its numbers cost nothing to read, and show a learner who has just begun what to aim for.
            var reference = result.Clean ? ReferenceMeasurement(exercise, input, trace, text, timeout)
                : HasReference(exercise) ? new ReferenceNumbers(null, null) : PublishedNumbers(exercise, input);
            LearnerReplayReport.Write(context.Out, trace, result, reference);
        }

        LearnerReplayReport.Problem(context.Error, trace, result);
        return result.End?.Crash is { } died ? ExitCodes.Of(died) : result.Clean ? ExitCodes.Success : ExitCodes.Different;
    }

    private static IReplayRenderer Begin(CliContext context, TraceInput input, TraceHeader header, bool chunks, ulong initialBreak)
    {
        IReplayRenderer renderer = chunks
            ? new ChunksReplayRenderer(context.Out, initialBreak)
            : new TextReplayRenderer(ConsoleFactory.Create(context.Out, context.UseColor), input, header, initialBreak);
        renderer.Begin();
        return renderer;
    }

    // True where the reference solution's files are at hand (an instructor's repository), false in a starter.
    private static bool HasReference(ExerciseLayout exercise) =>
        exercise.Config.Files.Example is { Count: > 0 } examples && examples.All(e => File.Exists(Path.Combine(exercise.ExerciseDirectory, e)));

    // The reference's numbers measured when the starter was published, found by the trace's SHA-256.
    private static ReferenceNumbers PublishedNumbers(ExerciseLayout exercise, TraceInput input)
    {
        var path = ReferenceTraceTable.PathIn(exercise.ExerciseDirectory);
        var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        if (!File.Exists(path))
        {
            return new ReferenceNumbers(null, $"this starter ships no reference solution, nor its numbers ({shown}), so there is nothing to set your numbers beside");
        }

        IReadOnlyList<(string Key, TraceMeasurement Measurement)> table;
        try
        {
            table = ReferenceTraceTable.Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            return new ReferenceNumbers(null, $"{shown} is damaged ({e.Message}); publish the starter again to get the reference's numbers back");
        }

        var key = input.Key();
        return table.FirstOrDefault(row => row.Key == key).Measurement is not { } measured
            ? new ReferenceNumbers(null, $"the reference's numbers ({shown}) are known for the traces this starter ships, and {input.Source} is not one of them (nor an unchanged copy)")
            : measured.Failure is { } failure
            ? new ReferenceNumbers(null, failure)
            : new ReferenceNumbers(measured, null, $"measured when this starter was published ({shown})");
    }
}
