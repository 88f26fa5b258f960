using System.Globalization;
using System.Text.RegularExpressions;
using MemKata.Grading.Layout;
using MemKata.Grading.Model;
using MemKata.Grading.Steps;
using MemKata.Grading.Worker.Protocol;
using MemKata.Scenarios;
using MemKata.Scenarios.Comparing;
using MemKata.Scenarios.Views;

namespace MemKata.Grading.Comparing;

/// <summary>
/// <c>memkata scenario compare</c>'s learner side: the submission's files are collected and compiled as grading does
/// (<see cref="SubmissionFiles"/>, a compile worker: alone, against .NET and <c>MemKata.Contracts</c>; the analyzers do
/// not run, this being the learner's own tool), then the scenario runs with the learner's component in a scenario job:
/// the same worker host as grading, in the same OS sandbox, with the same memory and output limits. memkata itself
/// never loads learner code. The run may take <c>timeout</c> of CPU time (three times that of wall-clock time).
/// </summary>
public static partial class LearnerScenario
{
    /// <summary>The problem id of code that compiles but has no component that can run in a scenario.</summary>
    public const string MissingComponentId = "MKG003";

    /// <summary>The problem id of a run the worker could not start or report on for a reason that is not the
    /// learner's code.</summary>
    public const string WorkerFailureId = "MKG004";

    /// <summary>Runs <paramref name="scenario"/> (parsed from <paramref name="yaml"/>, which messages call
    /// <paramref name="fileName"/>) with the component of <paramref name="exercise"/> found in
    /// <paramref name="submissionDirectory"/>; <paramref name="views"/> asks for the learner's machine after each step
    /// (<c>--show</c>). Never throws for what the learner's files contain or do.</summary>
    public static LearnerScenarioResult Run(
        ExerciseLayout exercise, string submissionDirectory, Scenario scenario, string yaml, string fileName, TimeSpan timeout,
        ViewRequest? views = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(scenario);
        var name = LearnerImage.ComponentOf(exercise);
        var (image, problems) = LearnerImage.Compile(exercise, submissionDirectory);
        if (image is null)
        {
            return new(name, null, null, problems);
        }

        var run = new ScenarioRun(scenario, name, exercise.Config.Tasks, timeout);
        return run.Execute(
            new ScenarioRequest(yaml, fileName, name, image, views?.PageTables ?? false, views?.Lru ?? false, views?.Step, views?.Faults ?? false, views?.Reclaims ?? false), exercise.Config.Files.Solution[0]);
    }

    // One scenario job: the worker, what it reported, and the watch over it.
    private sealed class ScenarioRun(Scenario scenario, string component, IReadOnlyList<ExerciseTask>? tasks, TimeSpan timeout)
    {
        private readonly Lock _gate = new();
        private readonly List<TranscriptLine> _lines = [];
        private readonly List<MachineView> _views = [];
        private int _step;
        private bool _stepped;
        private bool _done;
        private ScenarioStop? _stop;
        private string? _error;

        public LearnerScenarioResult Execute(ScenarioRequest request, string solutionFile)
        {
            var (kill, why) = LearnerJob.Run(WorkerJobKinds.Scenario, nonce => new WorkerRequest(WorkerJobKinds.Scenario, nonce, Scenario: request), Take,
                () =>
                {
                    lock (_gate)
                    {
                        return _stepped;
                    }
                },
                timeout);
            lock (_gate)
            {
                if (_error is { } error)
                {
                    return new(component, null, null, [new SourceProblem(solutionFile, null, null, MissingComponentId, error, true)]);
                }

                if (kill == CrashClassifier.Kill.TestTimeout || kill == CrashClassifier.Kill.TestWallTimeout)
                {
                    return new(component, null, new LearnerStop(_step, ComparedRun.Where(scenario, _step), 0, string.Create(CultureInfo.InvariantCulture,
                        $"your run did not end within {timeout.TotalSeconds:0.#} s of computing (--timeout SECONDS): an infinite loop, or a wait that never ends? It was still in this step when it was stopped."),
                        null, null, null, TimedOut: true), []);
                }

                if (!_done || kill != CrashClassifier.Kill.None)
                {
                    return new(component, null, new LearnerStop(_step, ComparedRun.Where(scenario, _step), 0,
                        $"your run ended the process: {why}", null, null, null, TimedOut: false), []);
                }

                return new(component, _stop is { InConstructor: true } ? null : [.. _lines], _stop is { } stop ? Stopped(stop) : null, []) { Views = [.. _views] };
            }
        }

        private void Take(WorkerEvent message)
        {
            lock (_gate)
            {
                switch (message.Kind)
                {
                    case WorkerEventKinds.Step:
                        (_step, _stepped) = (message.Step ?? 0, true);
                        break;
                    case WorkerEventKinds.Line when message.Line is { } line:
                        _lines.Add(line);
                        break;
                    case WorkerEventKinds.View when message.View is { } view:
                        _views.Add(view);
                        break;
                    case WorkerEventKinds.Done:
                        (_done, _stop) = (true, message.Stop);
                        break;
                    case WorkerEventKinds.Error:
                        _error = message.Message ?? "the scenario job failed";
                        break;
                    default:
                        break;
                }
            }
        }

        private LearnerStop Stopped(ScenarioStop stop)
        {
            var task = StubTask(stop.Exception, stop.Message);
            var title = task is { } n ? tasks?.FirstOrDefault(t => t.Number == n)?.Title : null;
            var where = stop.InConstructor ? $"the constructor, new {component}()" : ComparedRun.Where(scenario, stop.StepIndex);
            return new LearnerStop(stop.StepIndex, where, stop.LastEvent, $"your {component} threw {stop.Exception}: {stop.Message}",
                stop.Source, task, title, TimedOut: false);
        }
    }

    /// <summary>The task a stub's exception names (<c>NotImplementedException("Task 2: ...")</c>), or null.</summary>
    internal static int? StubTask(string exception, string message) =>
        exception == nameof(NotImplementedException) && TaskPattern().Match(message) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"\bTask (\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex TaskPattern();
}
