using MemKata.Contracts.Kernel;
using MemKata.Engine.Kernel;
using MemKata.Engine.Reference;

namespace MemKata.Scenarios.Tests;

/// <summary><see cref="ScenarioRunner"/>: each step's event range, and <see cref="ScenarioRunner.RunUntilFailure"/>,
/// which stops where a component throws instead of letting the exception escape.</summary>
public class ScenarioRunnerTests
{
    private const string Reclaiming = "05-full-machine-kswapd-then-direct-reclaim";

    [Test]
    public void The_steps_event_ranges_follow_each_other_and_cover_the_log_after_the_start()
    {
        var result = ScenarioRunner.Run(BuiltInScenarios.Load(Reclaiming));

        Assert.Multiple(() =>
        {
            for (var i = 1; i < result.Steps.Count; i++)
            {
                Assert.That(result.Steps[i].EventsBefore, Is.EqualTo(result.Steps[i - 1].LastEvent));
            }

            Assert.That(result.Steps[0].EventsBefore, Is.GreaterThan(0), "the processes' start logs events");
            Assert.That(result.Steps[^1].LastEvent, Is.EqualTo(result.Machine.Events.LastSequence));
        });
    }

    [Test]
    public void Without_a_failure_run_until_failure_gives_what_run_gives()
    {
        var scenario = BuiltInScenarios.Load(Reclaiming);

        var result = ScenarioRunner.RunUntilFailure(scenario);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.Null);
            Assert.That(result.Render(), Is.EqualTo(ScenarioRunner.Run(scenario).Render()));
        });
    }

    [Test]
    public void A_fault_handler_that_throws_stops_the_run_while_the_processes_start()
    {
        var steps = new List<int>();

        var result = ScenarioRunner.RunUntilFailure(BuiltInScenarios.Load(Reclaiming), new ThrowingHandler(), stepStarting: (i, _) => steps.Add(i));

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.Not.Null);
            Assert.That(result.Failure!.StepIndex, Is.Zero);
            Assert.That(result.Failure.Action, Is.EqualTo(ScenarioRunner.StartAction));
            Assert.That(result.Failure.Exception, Is.TypeOf<NotImplementedException>());
            Assert.That(result.Failure.LastEvent, Is.EqualTo(result.Machine.Events.LastSequence));
            Assert.That(result.Steps, Is.Empty);
            Assert.That(steps, Is.EqualTo(new[] { 0 }));
            Assert.That(() => ScenarioRunner.Run(BuiltInScenarios.Load(Reclaiming), new ThrowingHandler()), Throws.TypeOf<NotImplementedException>());
        });
    }

    [Test]
    public void A_reclaim_policy_that_throws_stops_the_run_in_the_step_that_needed_reclaim()
    {
        var scenario = BuiltInScenarios.Load(Reclaiming);
        var reference = ScenarioRunner.Run(scenario);
        var firstReclaim = reference.Machine.Events.Events.First(e => e.Kind == KernelEventKind.Reclaim).Sequence;
        var step = reference.Steps.First(s => s.LastEvent >= firstReclaim);

        var result = ScenarioRunner.RunUntilFailure(scenario, reclaimPolicy: new ThrowingPolicy());

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure!.StepIndex, Is.EqualTo(step.Index));
            Assert.That(result.Failure.Line, Is.EqualTo(step.Position.Line));
            Assert.That(result.Failure.Action, Is.EqualTo(step.Action));
            Assert.That(result.Failure.LastEvent, Is.EqualTo(firstReclaim - 1));
            Assert.That(result.Steps, Has.Count.EqualTo(step.Index - 1));
        });
    }

    private sealed class ThrowingHandler : IPageFaultHandler
    {
        public FaultResult HandleFault(IFaultContext context, PageFault fault) => throw new NotImplementedException("Task 1: not yet");
    }

    private sealed class ThrowingPolicy : IReclaimPolicy
    {
        private readonly ReferenceReclaimPolicy _reference = new();

        public void Reclaim(IReclaimContext context, ReclaimRequest request) => throw new NotImplementedException("Task 1: not yet");

        public int? ChooseOomVictim(IReadOnlyList<OomCandidate> candidates, long totalPages) => _reference.ChooseOomVictim(candidates, totalPages);
    }
}
