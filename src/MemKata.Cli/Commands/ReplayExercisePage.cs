using MemKata.Cli.Rendering;
using MemKata.Cli.Traces;
using MemKata.Engine.Traces;
using MemKata.Grading.Comparing;
using MemKata.Grading.Layout;
using MemKata.Reports.Html;
using MemKata.Reports.Html.Recording;
using MemKata.Reports.Html.Text;

namespace MemKata.Cli.Commands;

/// <summary>
/// <c>memkata replay TRACE --exercise DIR --format html --output FILE</c>: the learner's replay as an illustrated page.
/// The worker sends the learner's heap, read from its size words, after each operation the page draws
/// (<see cref="HeapFrameSampler"/>, as for glibc's replay); the page opens with the heap rules' verdict and the
/// learner's utilization and cost beside the reference's (<see cref="LearnerReplayFacts"/>), then draws the heap. What
/// stopped the replay goes to standard error as in the text account.
/// </summary>
internal static class ReplayExercisePage
{
    /// <summary>Runs the replay and writes the page to <paramref name="output"/>; returns the exit code.</summary>
    public static int Write(
        CliContext context, TraceInput input, Trace trace, string text, ExerciseLayout exercise, string folder, TimeSpan timeout,
        string output, string language)
    {
        if (!ReplayExercise.HasFolder(context, exercise, folder))
        {
            return ExitCodes.UsageError;
        }

        var frames = new List<ReplayFrame>();
        ReplayStep? last = null;
        var result = LearnerReplay.Run(exercise, folder, trace, text, timeout, null, recordSyscalls: true,
            step => last = step,
            heap =>
            {
                if (last is { } step && step.Index == heap.AfterOperation)
                {
                    frames.Add(new ReplayFrame(step, ReplayFilm.HeapOf(heap)));
                }
            },
            heapFrames: true);
        if (result.DidNotRun)
        {
            return LearnerReplayReport.DidNotRun(context.Error, result, folder);
        }

        if (result.End is { } end)
        {
            var reference = result.Clean ? ReplayExercise.ReferenceMeasurement(exercise, input, trace, text, timeout) : new(null, null);
            var facts = new LearnerReplayFacts(result.Component, trace.Operations.Count, result.Clean, end.RuleBroken,
                result.Ended ?? (end.Stop is { } stop ? $"your {result.Component} threw {stop.Exception} in {LearnerReplay.Where(trace, stop.Operation)}: {stop.Message}" : null),
                end.Measurement, reference.Measurement, reference.Origin, reference.Missing);
            var film = new ReplayFilm(input.Source, end.Summary.InitialBreak, frames, end.Summary, end.Crash);
            HtmlOutputOptions.Write(context, output, HtmlReports.Replay(film, ReportLanguage.Load(language), facts));
            if (end.Crash is { } crash)
            {
                CrashReport.Write(context.Error, crash, $"your {result.Component}");
            }
        }

        LearnerReplayReport.Problem(context.Error, trace, result);
        return result.End?.Crash is { } died ? ExitCodes.Of(died) : result.Clean ? ExitCodes.Success : ExitCodes.Different;
    }
}
